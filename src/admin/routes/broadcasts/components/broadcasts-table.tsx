import { Badge, Table, Text } from "@medusajs/ui"
import { LinkRow, RowLink } from "../../../components/link-row"
import type { Broadcast, BroadcastCounts } from "../../../hooks/broadcasts"
import { formatDateTime } from "../../../lib/format"
import { BroadcastProgressBar } from "./broadcast-progress"
import { BroadcastStatusBadge } from "./broadcast-status-badge"
import { CHANNEL_LABELS } from "./format"

/** "3/5 sent", plus failed and skipped when there are any: a bare "0/5" reads as stuck. */
const describeProgress = ({ total, sent, failed, skipped }: BroadcastCounts): string =>
  [`${sent}/${total} sent`, failed ? `${failed} failed` : null, skipped ? `${skipped} skipped` : null]
    .filter(Boolean)
    .join(" · ")

/** One row per broadcast; a row opens its page. */
export const BroadcastsTable = ({ broadcasts }: { broadcasts: Broadcast[] }) => (
  <Table>
    <Table.Header>
      <Table.Row>
        <Table.HeaderCell>Name</Table.HeaderCell>
        <Table.HeaderCell>Channel</Table.HeaderCell>
        <Table.HeaderCell>Status</Table.HeaderCell>
        <Table.HeaderCell>Progress</Table.HeaderCell>
        <Table.HeaderCell>Scheduled</Table.HeaderCell>
        <Table.HeaderCell>Created</Table.HeaderCell>
      </Table.Row>
    </Table.Header>
    <Table.Body>
      {broadcasts.map((broadcast) => (
        <LinkRow key={broadcast.id} to={`/broadcasts/${broadcast.id}`}>
          <Table.Cell className="max-w-[240px] truncate">
            <RowLink to={`/broadcasts/${broadcast.id}`}>{broadcast.name}</RowLink>
          </Table.Cell>
          <Table.Cell>
            <Badge size="2xsmall">{CHANNEL_LABELS[broadcast.channel]}</Badge>
          </Table.Cell>
          <Table.Cell>
            <BroadcastStatusBadge status={broadcast.status} />
          </Table.Cell>
          <Table.Cell>
            {broadcast.counts.total ? (
              <div className="flex min-w-[140px] items-center gap-x-3">
                <BroadcastProgressBar counts={broadcast.counts} className="w-20 shrink-0" />
                <Text size="small" className="text-ui-fg-subtle whitespace-nowrap">
                  {describeProgress(broadcast.counts)}
                </Text>
              </div>
            ) : (
              "-"
            )}
          </Table.Cell>
          <Table.Cell>{formatDateTime(broadcast.scheduled_at)}</Table.Cell>
          <Table.Cell>{formatDateTime(broadcast.created_at)}</Table.Cell>
        </LinkRow>
      ))}
    </Table.Body>
  </Table>
)
