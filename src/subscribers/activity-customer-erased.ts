import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { recordActivitySafely } from "../workflows/activity/record-activity-safely"
import { CUSTOMER_ERASED_EVENT } from "../workflows/gdpr/erase-customer-data"

export default async function activityCustomerErasedHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  await recordActivitySafely(container, [
    { actor_type: "system", action: "customer.erased", resource_type: "customer", resource_id: event.data.id },
  ])
}

export const config: SubscriberConfig = {
  event: CUSTOMER_ERASED_EVENT,
}
