import { Container, Heading, Table } from "@medusajs/ui"
import { useState } from "react"
import { OptionSelect, SelectOption } from "../../../components/option-select"
import { QueryState, SectionText } from "../../../components/query-state"
import { TablePagination, useKeepPageInRange, usePagination } from "../../../components/table-pagination"
import { RecipientStatus, useBroadcastRecipients } from "../../../hooks/broadcasts"
import { formatDateTime } from "../../../lib/format"
import { BroadcastStatusBadge } from "./broadcast-status-badge"

const PAGE_SIZE = 20
type Filter = RecipientStatus | "all"

const FILTERS: SelectOption<Filter>[] = [
  { value: "all", label: "All" },
  { value: "failed", label: "Failed" },
  { value: "sent", label: "Sent" },
  { value: "queued", label: "Queued" },
  { value: "skipped", label: "Skipped" },
]

type Props = {
  broadcastId: string
  /** Refresh every few seconds while the broadcast is being sent. */
  poll: boolean
  /** Opens on the failed recipients when there are some, else on all of them. */
  hasFailures: boolean
}

/** Per-recipient results with the reason a message failed or was skipped. */
export const RecipientsTable = ({ broadcastId, poll, hasFailures }: Props) => {
  const [filter, setFilter] = useState<Filter>(() => (hasFailures ? "failed" : "all"))
  const pagination = usePagination(PAGE_SIZE)
  const recipients = useBroadcastRecipients(
    broadcastId,
    { ...pagination.query, ...(filter === "all" ? {} : { status: filter }) },
    { poll }
  )
  const count = recipients.data?.count ?? 0

  // Rows can leave the filter while polling: never stay on a page past the last one.
  useKeepPageInRange(pagination, count, !!recipients.data)

  const changeFilter = (value: Filter) => {
    setFilter(value)
    pagination.onPageChange(0)
  }

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between gap-x-3 px-6 py-4">
        <Heading level="h2">Recipients</Heading>
        <div className="w-36">
          <OptionSelect
            size="small"
            aria-label="Recipient status"
            value={filter}
            options={FILTERS}
            onChange={changeFilter}
          />
        </div>
      </div>
      <QueryState
        query={recipients}
        isEmpty={!count}
        empty={<SectionText>{filter === "all" ? "No recipients yet." : `No ${filter} recipients.`}</SectionText>}
      >
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Address</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Attempts</Table.HeaderCell>
              <Table.HeaderCell>Error or reason</Table.HeaderCell>
              <Table.HeaderCell>Sent</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {recipients.data?.recipients.map((recipient) => (
              <Table.Row key={recipient.id}>
                <Table.Cell className="max-w-[220px] truncate" title={recipient.address || undefined}>
                  {recipient.address || "-"}
                </Table.Cell>
                <Table.Cell>
                  <BroadcastStatusBadge status={recipient.status} />
                </Table.Cell>
                <Table.Cell className="text-right">{recipient.attempts}</Table.Cell>
                <Table.Cell className="max-w-[360px] truncate" title={recipient.last_error ?? undefined}>
                  {recipient.last_error ?? "-"}
                </Table.Cell>
                <Table.Cell>{formatDateTime(recipient.sent_at)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
        <TablePagination count={count} pagination={pagination} />
      </QueryState>
    </Container>
  )
}
