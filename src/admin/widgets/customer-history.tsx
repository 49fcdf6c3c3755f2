import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { ResourceHistory } from "../components/resource-history"

/** The customer's latest activity-log events. */
const CustomerHistoryWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => (
  <ResourceHistory resourceType="customer" resourceId={customer.id} />
)

export const config = defineWidgetConfig({
  zone: "customer.details.after",
})

export default CustomerHistoryWidget
