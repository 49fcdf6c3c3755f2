import { defineRouteConfig } from "@medusajs/admin-sdk"
import { PaperPlane } from "@medusajs/icons"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { EmptyState, QueryState } from "../../components/query-state"
import { TablePagination, useKeepPageInRange, usePagination } from "../../components/table-pagination"
import { useBroadcasts } from "../../hooks/broadcasts"
import { BroadcastsTable } from "./components/broadcasts-table"

const PAGE_SIZE = 20

/** All broadcasts, newest first, with their progress. */
const BroadcastsPage = () => {
  const pagination = usePagination(PAGE_SIZE)
  const broadcasts = useBroadcasts(pagination.query)
  const count = broadcasts.data?.count ?? 0

  // The count can shrink (deleted elsewhere): never stay on a page past the last one.
  useKeepPageInRange(pagination, count, !!broadcasts.data)

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading>Broadcasts</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            One message by email, SMS or WhatsApp to the customers who opted in.
          </Text>
        </div>
        <Button size="small" variant="secondary" asChild>
          <Link to="/broadcasts/create">Create</Link>
        </Button>
      </div>
      <QueryState
        query={broadcasts}
        isEmpty={!count}
        empty={
          <EmptyState
            title="No broadcasts yet"
            description="Create one to reach your customers by email, SMS or WhatsApp."
          />
        }
      >
        <BroadcastsTable broadcasts={broadcasts.data?.broadcasts ?? []} />
        <TablePagination count={count} pagination={pagination} />
      </QueryState>
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Broadcasts",
  icon: PaperPlane,
})

export const handle = {
  breadcrumb: () => "Broadcasts",
}

export default BroadcastsPage
