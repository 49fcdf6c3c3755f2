import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChatBubbleLeftRight } from "@medusajs/icons"
import { Container, Heading, Text } from "@medusajs/ui"
import { useMemo } from "react"
import { useSearchParams } from "react-router-dom"
import { EmptyState, QueryState } from "../../components/query-state"
import { TablePagination, useKeepPageInRange } from "../../components/table-pagination"
import { useConversations, useCurrentUser, useStaffUsers } from "../../hooks/concierge"
import { ConversationsTable } from "./components/conversations-table"
import {
  buildInboxQuery,
  inboxSearchParams,
  InboxFilters,
  isCustomFilter,
  parseInboxFilters,
} from "./components/inbox-filters"
import { InboxFiltersBar } from "./components/inbox-filters-bar"
import { useNow } from "./components/use-now"

const PAGE_SIZE = 20

/** The concierge inbox: WhatsApp and store-form conversations, newest activity first, refreshed every 15 s. */
const ConciergeInboxPage = () => {
  const [searchParams, setSearchParams] = useSearchParams()
  const filters = useMemo(() => parseInboxFilters(searchParams), [searchParams])
  const query = useMemo(() => buildInboxQuery(filters, PAGE_SIZE), [filters])
  const conversations = useConversations(query)
  const { data } = conversations
  const { data: me } = useCurrentUser()
  const { data: staff } = useStaffUsers()
  const now = useNow()

  const count = data?.count ?? 0
  const setFilters = (next: InboxFilters) => setSearchParams(inboxSearchParams(next))
  // The page lives in the URL with the filters.
  const pagination = {
    pageIndex: filters.page,
    pageSize: PAGE_SIZE,
    onPageChange: (page: number) => setFilters({ ...filters, page }),
  }

  // Conversations get resolved or reassigned under the list: never stay on a page past the last one.
  useKeepPageInRange(
    {
      ...pagination,
      onPageChange: (page) => setSearchParams(inboxSearchParams({ ...filters, page }), { replace: true }),
    },
    count,
    !!data
  )

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading>Concierge</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Customers who asked for a person, from the store or on WhatsApp. Refreshes every 15 seconds.
          </Text>
        </div>
      </div>
      <InboxFiltersBar filters={filters} onChange={setFilters} />
      <QueryState
        query={conversations}
        isEmpty={!count}
        empty={
          <EmptyState
            title={isCustomFilter(filters) ? "No conversations match these filters" : "Nothing waiting"}
            description={
              isCustomFilter(filters)
                ? "Try another status, or clear the search."
                : "New escalations from the store and WhatsApp messages show up here."
            }
          />
        }
      >
        <ConversationsTable conversations={data?.conversations ?? []} now={now} currentUserId={me?.id} staff={staff} />
        <TablePagination count={count} pagination={pagination} />
      </QueryState>
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Concierge",
  icon: ChatBubbleLeftRight,
})

export const handle = {
  breadcrumb: () => "Concierge",
}

export default ConciergeInboxPage
