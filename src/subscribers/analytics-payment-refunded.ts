import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { trackCommerceEventSafely } from "../workflows/analytics/track-commerce-event-safely"

/** Forwards `payment.refunded` to the Analytics Module as `order_refunded`; never fails the event. */
export default async function analyticsPaymentRefundedHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  await trackCommerceEventSafely(container, { event: "order_refunded", id: event.data.id })
}

export const config: SubscriberConfig = {
  event: "payment.refunded",
}
