import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { recordActivitySafely } from "../workflows/activity/record-activity-safely"

export default async function activityOrderCanceledHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  await recordActivitySafely(container, [
    { actor_type: "system", action: "order.canceled", resource_type: "order", resource_id: event.data.id },
  ])
}

export const config: SubscriberConfig = {
  event: "order.canceled",
}
