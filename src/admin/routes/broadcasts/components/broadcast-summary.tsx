import { Alert, Container, Heading, Text } from "@medusajs/ui"
import { Broadcast, useCustomerGroupOptions } from "../../../hooks/broadcasts"
import { formatDateTime } from "../../../lib/format"
import { BroadcastActions } from "./broadcast-actions"
import { BroadcastCountsSummary } from "./broadcast-progress"
import { BroadcastStatusBadge } from "./broadcast-status-badge"
import { CHANNEL_LABELS, describeAudience } from "./format"

const Row = ({ label, value }: { label: string; value: string }) => (
  <div className="text-ui-fg-subtle grid grid-cols-2 items-start px-6 py-4">
    <Text size="small" weight="plus" leading="compact">
      {label}
    </Text>
    <Text size="small" leading="compact" className="break-words">
      {value}
    </Text>
  </div>
)

/** What the progress section says before the run has any recipient. */
const EMPTY_PROGRESS: Record<Broadcast["status"], string> = {
  draft: "Nothing sent yet.",
  scheduled: "Recipients are picked when it starts.",
  sending: "Picking recipients…",
  sent: "Nobody was in the audience.",
  cancelled: "Cancelled before any message went out.",
  failed: "Failed before any message went out.",
}

/** Title, status, actions, the facts and the delivery progress. */
export const BroadcastSummary = ({ broadcast }: { broadcast: Broadcast }) => {
  const { data: groups } = useCustomerGroupOptions()
  const groupNames = Object.fromEntries((groups ?? []).map((group) => [group.id, group.name ?? group.id]))

  return (
    <Container className="divide-y p-0">
      <div className="flex flex-wrap items-center justify-between gap-3 px-6 py-4">
        <div className="flex items-center gap-x-3">
          <Heading>{broadcast.name}</Heading>
          <BroadcastStatusBadge status={broadcast.status} />
        </div>
        <BroadcastActions broadcast={broadcast} />
      </div>
      {broadcast.last_error && (
        <div className="px-6 py-4">
          <Alert variant="error">{broadcast.last_error}</Alert>
        </div>
      )}
      <Row label="Channel" value={CHANNEL_LABELS[broadcast.channel]} />
      <Row label="Audience" value={describeAudience(broadcast.audience, groupNames)} />
      <Row
        label="Scheduled for"
        value={broadcast.scheduled_at ? formatDateTime(broadcast.scheduled_at) : "When sent"}
      />
      <Row label="Started" value={formatDateTime(broadcast.started_at)} />
      <Row
        label={broadcast.cancelled_at ? "Cancelled" : "Completed"}
        value={formatDateTime(broadcast.cancelled_at ?? broadcast.completed_at)}
      />
      <Row label="Created" value={formatDateTime(broadcast.created_at)} />
      <div className="px-6 py-4">
        {broadcast.counts.total ? (
          <BroadcastCountsSummary counts={broadcast.counts} />
        ) : (
          <Text size="small" className="text-ui-fg-subtle">
            {EMPTY_PROGRESS[broadcast.status]}
          </Text>
        )}
      </div>
    </Container>
  )
}
