import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { trackCommerceEventSafely } from "../workflows/analytics/track-commerce-event-safely"

/** Forwards `payment.captured` to the Analytics Module as `payment_captured`; never fails the event. */
export default async function analyticsPaymentCapturedHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  await trackCommerceEventSafely(container, { event: "payment_captured", id: event.data.id })
}

export const config: SubscriberConfig = {
  event: "payment.captured",
}
