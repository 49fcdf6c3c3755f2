import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { ResourceHistory } from "../components/resource-history"

/** The product's latest activity-log events. */
const ProductHistoryWidget = ({ data: product }: DetailWidgetProps<AdminProduct>) => (
  <ResourceHistory resourceType="product" resourceId={product.id} />
)

export const config = defineWidgetConfig({
  zone: "product.details.after",
})

export default ProductHistoryWidget
