import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { recordActivitySafely } from "../workflows/activity/record-activity-safely"

type Impersonated = { customer_id: string; user_id: string }

export default async function activityCustomerImpersonatedHandler({
  event,
  container,
}: SubscriberArgs<Impersonated>) {
  await recordActivitySafely(container, [
    {
      actor_type: "user",
      actor_id: event.data.user_id,
      action: "customer.impersonated",
      resource_type: "customer",
      resource_id: event.data.customer_id,
    },
  ])
}

export const config: SubscriberConfig = {
  event: "customer.impersonated",
}
