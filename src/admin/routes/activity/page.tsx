import { defineRouteConfig } from "@medusajs/admin-sdk"
import { History } from "@medusajs/icons"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useSearchParams } from "react-router-dom"
import { EmptyState, QueryState } from "../../components/query-state"
import { ActivityEvent, useActivity, useUserNames, useVerifyActivityChain } from "../../hooks/activity"
import {
  activityApiFilters,
  ActivityFilterValues,
  countActivityFilters,
  readActivityFilters,
  writeActivityFilters,
} from "../../lib/activity-filters"
import { ActivityEventDrawer } from "./components/activity-event-drawer"
import { ActivityFiltersForm } from "./components/activity-filters-form"
import { ActivityTable } from "./components/activity-table"
import { VerifyChainButton, VerifyChainResult } from "./components/verify-chain"

const PAGE_SIZE = 50

/** The activity log, newest first: filters in the URL, "Load more" follows the server's cursor. */
const ActivityPage = () => {
  const [searchParams, setSearchParams] = useSearchParams()
  const search = searchParams.toString()
  const values = useMemo(() => readActivityFilters(new URLSearchParams(search)), [search])
  const filters = useMemo(() => activityApiFilters(values), [values])
  const activity = useActivity(filters, PAGE_SIZE)
  const { data, fetchNextPage, hasNextPage, isFetchingNextPage, isPlaceholderData } = activity
  const verify = useVerifyActivityChain()
  const [selected, setSelected] = useState<ActivityEvent | null>(null)

  const events = useMemo(() => data?.pages.flatMap((page) => page.events) ?? [], [data])
  const { data: names = {} } = useUserNames(events.flatMap((event) => [event.actor_id, event.impersonator_id]))
  const filtered = countActivityFilters(values) > 0

  const apply = (next: ActivityFilterValues) => setSearchParams(writeActivityFilters(next))

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between gap-x-3 px-6 py-4">
        <div>
          <Heading>Activity</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Every admin change and store event, in an append-only, hash-chained log.
          </Text>
        </div>
        <VerifyChainButton verify={verify} />
      </div>
      <VerifyChainResult verify={verify} />
      {/* Keyed by the URL so the form follows links and back/forward navigation. */}
      <ActivityFiltersForm key={search} values={values} onApply={apply} />
      <QueryState
        query={activity}
        isEmpty={!events.length}
        empty={
          <EmptyState
            title={filtered ? "No events match these filters" : "No events yet"}
            description={
              filtered ? "Widen the date range or clear a filter." : "Changes made in the dashboard appear here."
            }
          />
        }
      >
        <div className={`overflow-x-auto ${isPlaceholderData ? "opacity-60" : ""}`}>
          <ActivityTable events={events} names={names} onSelect={setSelected} />
        </div>
        <div className="flex items-center justify-between px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">
            {events.length} {events.length === 1 ? "event" : "events"} shown
            {hasNextPage ? "" : " · no more events"}
          </Text>
          {hasNextPage && (
            <Button
              size="small"
              variant="secondary"
              onClick={() => fetchNextPage()}
              isLoading={isFetchingNextPage}
            >
              Load more
            </Button>
          )}
        </div>
      </QueryState>
      <ActivityEventDrawer event={selected} names={names} onClose={() => setSelected(null)} />
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Activity",
  icon: History,
})

export const handle = {
  breadcrumb: () => "Activity",
}

export default ActivityPage
