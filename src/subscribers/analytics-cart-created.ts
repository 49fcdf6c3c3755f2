import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { trackCommerceEventSafely } from "../workflows/analytics/track-commerce-event-safely"

/** Forwards `cart.created` to the Analytics Module as `cart_created`; never fails the event. */
export default async function analyticsCartCreatedHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  await trackCommerceEventSafely(container, { event: "cart_created", id: event.data.id })
}

export const config: SubscriberConfig = {
  event: "cart.created",
}
