import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { recordActivitySafely } from "../workflows/activity/record-activity-safely"

type FulfillmentCreated = { order_id: string; fulfillment_id: string }

export default async function activityOrderFulfilledHandler({ event, container }: SubscriberArgs<FulfillmentCreated>) {
  await recordActivitySafely(container, [
    {
      actor_type: "system",
      action: "order.fulfilled",
      resource_type: "order",
      resource_id: event.data.order_id,
      payload: { fulfillment_id: event.data.fulfillment_id },
    },
  ])
}

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.FULFILLMENT_CREATED,
}
