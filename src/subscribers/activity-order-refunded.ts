import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, PaymentEvents } from "@medusajs/framework/utils"
import { recordActivitySafely } from "../workflows/activity/record-activity-safely"

type PaymentRow = { id: string; payment_collection?: { order?: { id: string } | null } | null }

/** A refund is recorded on the order it belongs to (or on the payment when it has no order). */
export default async function activityOrderRefundedHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "payment",
    fields: ["id", "payment_collection.order.id"],
    filters: { id: event.data.id },
  })
  const orderId = (data[0] as PaymentRow | undefined)?.payment_collection?.order?.id
  await recordActivitySafely(container, [
    {
      actor_type: "system",
      action: orderId ? "order.refunded" : "payment.refunded",
      resource_type: orderId ? "order" : "payment",
      resource_id: orderId ?? event.data.id,
      payload: { payment_id: event.data.id },
    },
  ])
}

export const config: SubscriberConfig = {
  event: PaymentEvents.REFUNDED,
}
