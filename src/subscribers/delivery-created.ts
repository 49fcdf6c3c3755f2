import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { sendOrderNotificationsWorkflow } from "../workflows/order-notifications/send-order-notifications"

export default async function deliveryCreatedHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  await sendOrderNotificationsWorkflow(container).run({ input: { kind: "delivered", id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: "delivery.created",
}
