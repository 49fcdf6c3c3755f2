import { Container, Heading, Select, Table, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { RecipientStatus, useBroadcastRecipients } from "../../../hooks/broadcasts"
import { BroadcastStatusBadge } from "./broadcast-status-badge"
import { formatDateTime } from "./format"

const PAGE_SIZE = 20
type Filter = RecipientStatus | "all"

const FILTERS: { value: Filter; label: string }[] = [
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
  const [pageIndex, setPageIndex] = useState(0)
  const { data, isLoading, isError, error } = useBroadcastRecipients(
    broadcastId,
    {
      limit: PAGE_SIZE,
      offset: pageIndex * PAGE_SIZE,
      ...(filter === "all" ? {} : { status: filter }),
    },
    { poll }
  )
  const count = data?.count ?? 0
  const pageCount = Math.max(1, Math.ceil(count / PAGE_SIZE))

  // Rows can leave the filter while polling: never stay on a page past the last one.
  useEffect(() => {
    if (data && pageIndex >= pageCount) {
      setPageIndex(pageCount - 1)
    }
  }, [data, pageIndex, pageCount])

  const changeFilter = (value: string) => {
    setFilter(value as Filter)
    setPageIndex(0)
  }

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between gap-x-3 px-6 py-4">
        <Heading level="h2">Recipients</Heading>
        <div className="w-36">
          <Select size="small" value={filter} onValueChange={changeFilter}>
            <Select.Trigger aria-label="Recipient status">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {FILTERS.map((option) => (
                <Select.Item key={option.value} value={option.value}>
                  {option.label}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
      </div>
      {isLoading ? (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          Loading…
        </Text>
      ) : isError ? (
        <Text size="small" className="text-ui-fg-error px-6 py-4">
          {error.message}
        </Text>
      ) : !count ? (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          {filter === "all" ? "No recipients yet." : `No ${filter} recipients.`}
        </Text>
      ) : (
        <>
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
              {data?.recipients.map((recipient) => (
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
          <Table.Pagination
            count={count}
            pageSize={PAGE_SIZE}
            pageIndex={pageIndex}
            pageCount={pageCount}
            canPreviousPage={pageIndex > 0}
            canNextPage={pageIndex + 1 < pageCount}
            previousPage={() => setPageIndex((index) => Math.max(0, index - 1))}
            nextPage={() => setPageIndex((index) => index + 1)}
          />
        </>
      )}
    </Container>
  )
}
