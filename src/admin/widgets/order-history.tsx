import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { ResourceHistory } from "../components/resource-history"

/** The order's latest activity-log events, in the side column. */
const OrderHistoryWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => (
  <ResourceHistory resourceType="order" resourceId={order.id} />
)

export const config = defineWidgetConfig({
  zone: "order.details.side.after",
})

export default OrderHistoryWidget
