import { Badge, CodeBlock, Drawer, Heading, Table, Text } from "@medusajs/ui"
import { ReactNode } from "react"
import type { ActivityEvent } from "../../../hooks/activity"
import { changeEntries, describeActor, formatIp, payloadDetails, statusCodeOf } from "../../../lib/activity-format"
import { formatDateTime } from "../../../lib/format"
import { ResourceLabel } from "./resource-label"

type Props = {
  event: ActivityEvent | null
  names: Record<string, string>
  onClose: () => void
}

const Fact = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="grid grid-cols-[140px_minmax(0,1fr)] items-start gap-x-3 py-1.5">
    <Text size="small" weight="plus" className="text-ui-fg-subtle">
      {label}
    </Text>
    <div className="txt-small min-w-0 break-words">{children}</div>
  </div>
)

/** A value in full: text as is, JSON for the rest, "not recorded" when absent. */
const FullValue = ({ present, value }: { present: boolean; value: unknown }) =>
  !present ? (
    <span className="text-ui-fg-muted">not recorded</span>
  ) : (
    <span className="whitespace-pre-wrap font-mono [overflow-wrap:anywhere]">
      {typeof value === "string" ? value : JSON.stringify(value, null, 2) ?? "undefined"}
    </span>
  )

/** Everything recorded about one event: who, what, where from, the changes and the raw payload. */
export const ActivityEventDrawer = ({ event, names, onClose }: Props) => (
  <Drawer open={!!event} onOpenChange={(open) => !open && onClose()}>
    <Drawer.Content className="max-w-[720px]">
      {event && <EventDetails event={event} names={names} />}
    </Drawer.Content>
  </Drawer>
)

const EventDetails = ({ event, names }: { event: ActivityEvent; names: Record<string, string> }) => {
  const actor = describeActor(event, names)
  const changes = changeEntries(event.payload)
  // Admin requests record only what was sent: no "before" column for them.
  const withBefore = changes.some((change) => change.hasBefore)
  const details = payloadDetails(event.payload)
  const status = statusCodeOf(event.payload)
  const method = typeof event.payload?.method === "string" ? event.payload.method : null
  const route = typeof event.payload?.route === "string" ? event.payload.route : null

  return (
    <>
      <Drawer.Header>
        <div className="flex flex-col gap-y-1">
          <Drawer.Title asChild>
            <Heading className="font-mono">{event.action}</Heading>
          </Drawer.Title>
          <Drawer.Description className="txt-small text-ui-fg-subtle">
            Event #{event.seq} · {formatDateTime(event.occurred_at, { seconds: true })}
          </Drawer.Description>
        </div>
      </Drawer.Header>
      <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
        <section className="divide-y">
          <Fact label="Actor">
            {actor.name}
            {actor.detail && <span className="text-ui-fg-subtle"> · {actor.detail}</span>}
            {event.actor_id && actor.name !== event.actor_id && (
              <div className="text-ui-fg-subtle font-mono">{event.actor_id}</div>
            )}
          </Fact>
          <Fact label="Resource">
            <ResourceLabel resourceType={event.resource_type} resourceId={event.resource_id} />
          </Fact>
          {(method || route || status !== null) && (
            <Fact label="Request">
              <span className="font-mono">{[method, route].filter(Boolean).join(" ")}</span>
              {status !== null && (
                <Badge size="2xsmall" color={status >= 400 ? "red" : "green"} className="ml-2">
                  {status}
                </Badge>
              )}
            </Fact>
          )}
          <Fact label="Request ID">
            <span className="font-mono">{event.request_id ?? "-"}</span>
          </Fact>
          <Fact label="IP">
            <span className="font-mono">{formatIp(event.ip)}</span>
          </Fact>
          <Fact label="User agent">{event.user_agent ?? "-"}</Fact>
          <Fact label="Event ID">
            <span className="font-mono">{event.id}</span>
          </Fact>
        </section>

        <section className="flex flex-col gap-y-2">
          <Heading level="h3">Changes</Heading>
          {changes.length ? (
            <div className="overflow-hidden rounded-lg border">
              <Table>
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell>Field</Table.HeaderCell>
                    {withBefore && <Table.HeaderCell>Before</Table.HeaderCell>}
                    <Table.HeaderCell>{withBefore ? "After" : "Sent"}</Table.HeaderCell>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {changes.map((change) => (
                    <Table.Row key={change.field} className="[&_td]:py-2 [&_td]:align-top">
                      <Table.Cell className="font-mono">{change.field}</Table.Cell>
                      {withBefore && (
                        <Table.Cell className="max-w-[240px]">
                          <FullValue present={change.hasBefore} value={change.before} />
                        </Table.Cell>
                      )}
                      <Table.Cell className={withBefore ? "max-w-[240px]" : "max-w-[420px]"}>
                        <FullValue present={change.hasAfter} value={change.after} />
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          ) : (
            <Text size="small" className="text-ui-fg-subtle">
              No field changes recorded.
            </Text>
          )}
          {details.length > 0 && (
            <div className="divide-y">
              {details.map(([key, value]) => (
                <Fact key={key} label={key}>
                  <FullValue present value={value} />
                </Fact>
              ))}
            </div>
          )}
        </section>

        <section className="flex flex-col gap-y-2">
          <Heading level="h3">Payload</Heading>
          <CodeBlock
            snippets={[{ label: "payload", language: "json", code: JSON.stringify(event.payload, null, 2) ?? "null" }]}
          >
            <CodeBlock.Header />
            <CodeBlock.Body />
          </CodeBlock>
        </section>

        <section className="flex flex-col gap-y-1">
          <Heading level="h3">Chain</Heading>
          <Fact label="Previous hash">
            <span className="break-all font-mono text-xs">{event.prev_hash}</span>
          </Fact>
          <Fact label="Hash">
            <span className="break-all font-mono text-xs">{event.hash}</span>
          </Fact>
        </section>
      </Drawer.Body>
    </>
  )
}
