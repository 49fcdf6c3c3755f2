import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { trackCommerceEventSafely } from "../workflows/analytics/track-commerce-event-safely"

/** Forwards `order.placed` to the Analytics Module as `order_placed`; never fails the event. */
export default async function analyticsOrderPlacedHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  await trackCommerceEventSafely(container, { event: "order_placed", id: event.data.id })
}

export const config: SubscriberConfig = {
  event: "order.placed",
}
