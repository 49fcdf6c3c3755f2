import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { sendOrderNotificationsWorkflow } from "../workflows/order-notifications/send-order-notifications"

/** Staff can create a shipment with "notify customer" off (`no_notification`). */
export default async function shipmentCreatedHandler({
  event,
  container,
}: SubscriberArgs<{ id: string; no_notification?: boolean }>) {
  if (event.data.no_notification) {
    return
  }
  await sendOrderNotificationsWorkflow(container).run({ input: { kind: "shipped", id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: "shipment.created",
}
