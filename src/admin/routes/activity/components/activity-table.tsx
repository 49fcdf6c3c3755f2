import { Badge, Table, Text } from "@medusajs/ui"
import type { ActivityEvent } from "../../../hooks/activity"
import { describeActor, formatIp, statusCodeOf, summarizeChanges } from "../../../lib/activity-format"
import { formatDate, formatTime } from "../../../lib/format"
import { ActionName } from "./action-name"
import { ResourceLabel } from "./resource-label"

type Props = {
  events: ActivityEvent[]
  /** Staff names by user id. */
  names: Record<string, string>
  onSelect: (event: ActivityEvent) => void
}

/** One row per event, newest first; a row opens the event's details. */
export const ActivityTable = ({ events, names, onSelect }: Props) => (
  <Table>
    <Table.Header>
      <Table.Row>
        <Table.HeaderCell>Time</Table.HeaderCell>
        <Table.HeaderCell>Actor</Table.HeaderCell>
        <Table.HeaderCell>Action</Table.HeaderCell>
        <Table.HeaderCell>Resource</Table.HeaderCell>
        <Table.HeaderCell>Changes</Table.HeaderCell>
        <Table.HeaderCell>IP</Table.HeaderCell>
      </Table.Row>
    </Table.Header>
    <Table.Body>
      {events.map((event) => {
        const actor = describeActor(event, names)
        const summary = summarizeChanges(event.payload)
        const status = statusCodeOf(event.payload)
        return (
          <Table.Row
            key={event.id}
            className="cursor-pointer"
            tabIndex={0}
            onClick={() => onSelect(event)}
            onKeyDown={(keyEvent) => {
              if (keyEvent.key === "Enter") {
                onSelect(event)
              }
            }}
          >
            <Table.Cell className="whitespace-nowrap">
              <div className="flex flex-col">
                <Text size="small">{formatDate(event.occurred_at)}</Text>
                <Text size="xsmall" className="text-ui-fg-subtle">
                  {formatTime(event.occurred_at)}
                </Text>
              </div>
            </Table.Cell>
            <Table.Cell className="max-w-[180px]">
              <div className="flex flex-col">
                <Text size="small" className="truncate" title={actor.name}>
                  {actor.name}
                </Text>
                {actor.detail && (
                  <Text size="xsmall" className="text-ui-fg-subtle truncate">
                    {actor.detail}
                  </Text>
                )}
              </div>
            </Table.Cell>
            <Table.Cell className="min-w-[170px] max-w-[240px]">
              <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                <ActionName action={event.action} />
                {status !== null && status >= 400 && (
                  <Badge size="2xsmall" color="red" title={`The request ended with HTTP ${status}`}>
                    {status}
                  </Badge>
                )}
              </div>
            </Table.Cell>
            <Table.Cell className="max-w-[200px]">
              <ResourceLabel resourceType={event.resource_type} resourceId={event.resource_id} />
            </Table.Cell>
            {/* Takes the width the other columns leave, cut with an ellipsis; the full text is the tooltip. */}
            <Table.Cell className="text-ui-fg-subtle w-full min-w-[160px] max-w-0 truncate" title={summary || undefined}>
              {summary || "-"}
            </Table.Cell>
            <Table.Cell className="text-ui-fg-subtle whitespace-nowrap">{formatIp(event.ip)}</Table.Cell>
          </Table.Row>
        )
      })}
    </Table.Body>
  </Table>
)
