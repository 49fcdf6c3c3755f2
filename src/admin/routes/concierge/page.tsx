import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChatBubbleLeftRight } from "@medusajs/icons"
import { Container, Heading, Table, Text } from "@medusajs/ui"
import { useEffect, useMemo } from "react"
import { useSearchParams } from "react-router-dom"
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
  const { data, isLoading, isError, error } = useConversations(query)
  const { data: me } = useCurrentUser()
  const { data: staff } = useStaffUsers()
  const now = useNow()

  const count = data?.count ?? 0
  const pageCount = Math.max(1, Math.ceil(count / PAGE_SIZE))
  const setFilters = (next: InboxFilters) => setSearchParams(inboxSearchParams(next))

  // Conversations get resolved or reassigned under the list: never stay on a page past the last one.
  useEffect(() => {
    if (data && filters.page >= pageCount) {
      setSearchParams(inboxSearchParams({ ...filters, page: pageCount - 1 }), { replace: true })
    }
  }, [data, filters, pageCount, setSearchParams])

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
      {isLoading ? (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          Loading…
        </Text>
      ) : isError ? (
        <Text size="small" className="text-ui-fg-error px-6 py-4">
          {error.message}
        </Text>
      ) : !count ? (
        <div className="flex flex-col items-center gap-y-1 px-6 py-10">
          <Text size="small" weight="plus">
            {isCustomFilter(filters) ? "No conversations match these filters" : "Nothing waiting"}
          </Text>
          <Text size="small" className="text-ui-fg-subtle">
            {isCustomFilter(filters)
              ? "Try another status, or clear the search."
              : "New escalations from the store and WhatsApp messages show up here."}
          </Text>
        </div>
      ) : (
        <>
          <ConversationsTable
            conversations={data?.conversations ?? []}
            now={now}
            currentUserId={me?.id}
            staff={staff}
          />
          <Table.Pagination
            count={count}
            pageSize={PAGE_SIZE}
            pageIndex={filters.page}
            pageCount={pageCount}
            canPreviousPage={filters.page > 0}
            canNextPage={filters.page + 1 < pageCount}
            previousPage={() => setFilters({ ...filters, page: Math.max(0, filters.page - 1) })}
            nextPage={() => setFilters({ ...filters, page: filters.page + 1 })}
          />
        </>
      )}
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
