import { Table, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { formatQuantity } from "../../../lib/format"
import type { AnalyticsCurrency, TopProduct } from "../../../hooks/analytics"
import { formatAmount } from "./format"

/** Best sellers of the period by revenue (from the days' top-10 lists). */
export const TopProductsTable = ({ products, currency }: { products: TopProduct[]; currency: AnalyticsCurrency }) => (
  <div className="flex flex-col gap-y-2 px-6 py-4">
    <div>
      <Text size="small" weight="plus">
        Top products
      </Text>
      <Text size="xsmall" className="text-ui-fg-subtle">
        By revenue (items after discounts, tax included), from each day's top 10.
      </Text>
    </div>
    {!products.length ? (
      <Text size="small" className="text-ui-fg-muted py-4">
        No sales in this period.
      </Text>
    ) : (
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>#</Table.HeaderCell>
            <Table.HeaderCell>Product</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Units</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Revenue</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {products.map((product, index) => (
            <Table.Row key={product.product_id}>
              <Table.Cell className="text-ui-fg-muted w-8">{index + 1}</Table.Cell>
              <Table.Cell>
                <Link to={`/products/${product.product_id}`} className="text-ui-fg-interactive hover:underline">
                  {product.title || product.product_id}
                </Link>
              </Table.Cell>
              <Table.Cell className="text-right tabular-nums">{formatQuantity(product.units)}</Table.Cell>
              <Table.Cell className="text-right tabular-nums">{formatAmount(product.revenue, currency)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    )}
  </div>
)
