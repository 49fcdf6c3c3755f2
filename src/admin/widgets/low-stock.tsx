import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { ExclamationCircle } from "@medusajs/icons"
import { Badge, Container, Heading, Table, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { Link, useNavigate } from "react-router-dom"
import { useLowStock } from "../hooks/inventory"
import { formatDateTime, formatQuantity } from "../lib/format"

const PAGE_SIZE = 5

/** Inventory items at or below their low-stock threshold, fewest available first; a row opens the item. */
const LowStockWidget = () => {
  const navigate = useNavigate()
  const [pageIndex, setPageIndex] = useState(0)
  const { data, isLoading, isError, error, isPlaceholderData } = useLowStock({
    limit: PAGE_SIZE,
    offset: pageIndex * PAGE_SIZE,
  })
  const count = data?.count ?? 0
  const pageCount = Math.max(1, Math.ceil(count / PAGE_SIZE))

  // Restocks shrink the list: never stay on a page past the last one.
  useEffect(() => {
    if (data && pageIndex >= pageCount) {
      setPageIndex(pageCount - 1)
    }
  }, [data, pageIndex, pageCount])

  return (
    <Container className="divide-y p-0">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <div className="flex items-center gap-x-2">
          <ExclamationCircle className={count ? "text-ui-fg-error" : "text-ui-fg-muted"} />
          <Heading level="h2">Low stock</Heading>
          {count > 0 && (
            <Badge size="2xsmall" color="red">
              {count}
            </Badge>
          )}
        </div>
        <Text size="small" className="text-ui-fg-subtle">
          Items whose available quantity (in stock minus reserved, all locations) is at or below their threshold.
        </Text>
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
          No item is at or below its low-stock threshold.
        </Text>
      ) : (
        <div>
          <div className={isPlaceholderData ? "opacity-60" : undefined}>
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Item</Table.HeaderCell>
                  <Table.HeaderCell>SKU</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Available</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Threshold</Table.HeaderCell>
                  <Table.HeaderCell>Admins alerted</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {data?.low_stock.map((item) => (
                  <Table.Row
                    key={item.inventory_item_id}
                    className="cursor-pointer"
                    onClick={() => navigate(`/inventory/${item.inventory_item_id}`)}
                  >
                    <Table.Cell className="max-w-[280px] truncate">
                      <Link
                        to={`/inventory/${item.inventory_item_id}`}
                        className="txt-compact-small-plus focus-visible:shadow-borders-focus rounded-sm outline-none"
                        onClick={(event) => event.stopPropagation()}
                      >
                        {item.product_title ? `${item.product_title} · ${item.title}` : item.title}
                      </Link>
                    </Table.Cell>
                    <Table.Cell className="text-ui-fg-subtle max-w-[160px] truncate">{item.sku ?? "-"}</Table.Cell>
                    <Table.Cell
                      className={`text-right font-medium ${item.available <= 0 ? "text-ui-fg-error" : "text-ui-tag-orange-text"}`}
                    >
                      {formatQuantity(item.available)}
                    </Table.Cell>
                    <Table.Cell className="text-ui-fg-subtle text-right">{formatQuantity(item.threshold)}</Table.Cell>
                    <Table.Cell className="text-ui-fg-subtle whitespace-nowrap">
                      {item.alerted_at ? formatDateTime(item.alerted_at) : "Not yet"}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
          {pageCount > 1 && (
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
          )}
        </div>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: ["inventory_item.list.before", "product.list.before"],
})

export default LowStockWidget
