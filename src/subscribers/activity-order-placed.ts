import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { recordActivitySafely } from "../workflows/activity/record-activity-safely"

export default async function activityOrderPlacedHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({ entity: "order", fields: ["id", "customer_id"], filters: { id: event.data.id } })
  await recordActivitySafely(container, [
    {
      actor_type: order?.customer_id ? "customer" : "system",
      actor_id: order?.customer_id ?? null,
      action: "order.placed",
      resource_type: "order",
      resource_id: event.data.id,
    },
  ])
}

export const config: SubscriberConfig = {
  event: "order.placed",
}
