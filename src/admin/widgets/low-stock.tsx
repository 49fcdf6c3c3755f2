import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { ExclamationCircle } from "@medusajs/icons"
import { Badge, Container, Heading, Table, Text } from "@medusajs/ui"
import { LinkRow, RowLink } from "../components/link-row"
import { QueryState, SectionText } from "../components/query-state"
import { TablePagination, useKeepPageInRange, usePagination } from "../components/table-pagination"
import { useLowStock } from "../hooks/inventory"
import { formatDateTime, formatQuantity } from "../lib/format"
import { pageCountOf } from "../lib/pagination"

const PAGE_SIZE = 5

/** Inventory items at or below their low-stock threshold, fewest available first; a row opens the item. */
const LowStockWidget = () => {
  const pagination = usePagination(PAGE_SIZE)
  const lowStock = useLowStock(pagination.query)
  const { data, isPlaceholderData } = lowStock
  const count = data?.count ?? 0

  // Restocks shrink the list: never stay on a page past the last one.
  useKeepPageInRange(pagination, count, !!data)

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
      <QueryState
        query={lowStock}
        isEmpty={!count}
        empty={<SectionText>No item is at or below its low-stock threshold.</SectionText>}
      >
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
                  <LinkRow key={item.inventory_item_id} to={`/inventory/${item.inventory_item_id}`}>
                    <Table.Cell className="max-w-[280px] truncate">
                      <RowLink to={`/inventory/${item.inventory_item_id}`}>
                        {item.product_title ? `${item.product_title} · ${item.title}` : item.title}
                      </RowLink>
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
                  </LinkRow>
                ))}
              </Table.Body>
            </Table>
          </div>
          {pageCountOf(count, PAGE_SIZE) > 1 && <TablePagination count={count} pagination={pagination} />}
        </div>
      </QueryState>
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: ["inventory_item.list.before", "product.list.before"],
})

export default LowStockWidget
