import { defineRouteConfig } from "@medusajs/admin-sdk"
import { PaperPlane } from "@medusajs/icons"
import { Button, Container, Heading, Table, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { Link } from "react-router-dom"
import { useBroadcasts } from "../../hooks/broadcasts"
import { BroadcastsTable } from "./components/broadcasts-table"

const PAGE_SIZE = 20

/** All broadcasts, newest first, with their progress. */
const BroadcastsPage = () => {
  const [pageIndex, setPageIndex] = useState(0)
  const { data, isLoading, isError, error } = useBroadcasts({
    limit: PAGE_SIZE,
    offset: pageIndex * PAGE_SIZE,
  })
  const count = data?.count ?? 0
  const pageCount = Math.max(1, Math.ceil(count / PAGE_SIZE))

  // The count can shrink (deleted elsewhere): never stay on a page past the last one.
  useEffect(() => {
    if (data && pageIndex >= pageCount) {
      setPageIndex(pageCount - 1)
    }
  }, [data, pageIndex, pageCount])

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
            No broadcasts yet
          </Text>
          <Text size="small" className="text-ui-fg-subtle">
            Create one to reach your customers by email, SMS or WhatsApp.
          </Text>
        </div>
      ) : (
        <>
          <BroadcastsTable broadcasts={data?.broadcasts ?? []} />
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

export const config = defineRouteConfig({
  label: "Broadcasts",
  icon: PaperPlane,
})

export const handle = {
  breadcrumb: () => "Broadcasts",
}

export default BroadcastsPage
