import { ArrowUpRightMini } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { useResourceActivity, useUserNames } from "../hooks/activity"
import { describeActor, statusCodeOf, summarizeChanges } from "../lib/activity-format"
import { activityPageLink } from "../lib/activity-filters"
import { formatDateTime } from "../lib/format"
import { QueryState, SectionText } from "./query-state"

type Props = {
  /** As the activity log names it: `product`, `order`, `customer`… */
  resourceType: string
  resourceId: string
  /** How many of the latest events to show. */
  limit?: number
}

/** The latest activity-log events about one resource, with a link to all of them on the Activity page. */
export const ResourceHistory = ({ resourceType, resourceId, limit = 5 }: Props) => {
  const activity = useResourceActivity(resourceType, resourceId, limit)
  const events = activity.data?.events ?? []
  const { data: names } = useUserNames(events.flatMap((event) => [event.actor_id, event.impersonator_id]))

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between gap-x-3 px-6 py-4">
        <Heading level="h2">History</Heading>
        <Button size="small" variant="transparent" asChild>
          <Link to={activityPageLink({ resource_type: resourceType, resource_id: resourceId })}>
            View all
            <ArrowUpRightMini />
          </Link>
        </Button>
      </div>
      <QueryState query={activity} isEmpty={!events.length} empty={<SectionText>Nothing recorded yet.</SectionText>}>
        <ol aria-label="Latest events" className="flex flex-col gap-y-3 px-6 py-4">
          {events.map((event) => {
            const actor = describeActor(event, names)
            const summary = summarizeChanges(event.payload, 2)
            const status = statusCodeOf(event.payload)
            return (
              <li key={event.id} className="flex flex-col gap-y-0.5">
                <div className="flex items-center justify-between gap-x-2">
                  <div className="flex min-w-0 items-center gap-x-2">
                    <Text size="small" weight="plus" className="truncate font-mono">
                      {event.action}
                    </Text>
                    {status !== null && status >= 400 && (
                      <Badge size="2xsmall" color="red">
                        {status}
                      </Badge>
                    )}
                  </div>
                  <Text size="xsmall" className="text-ui-fg-subtle shrink-0">
                    {formatDateTime(event.occurred_at)}
                  </Text>
                </div>
                <Text size="xsmall" className="text-ui-fg-subtle truncate" title={actor.name}>
                  {actor.name}
                  {actor.detail ? ` · ${actor.detail}` : ""}
                </Text>
                {summary && (
                  <Text size="xsmall" className="text-ui-fg-muted truncate" title={summary}>
                    {summary}
                  </Text>
                )}
              </li>
            )
          })}
        </ol>
      </QueryState>
    </Container>
  )
}
