import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaContainer } from "@medusajs/framework/types"
import { OrderMessageData } from "../../../lib/notifications/templates"
import { NotificationChannel } from "../../../lib/notifications/types"
import { CONSENT_MODULE } from "../../../modules/consent"
import ConsentModuleService from "../../../modules/consent/service"
import { addressOf } from "../../broadcast/utils/audience"
import { NotificationToSend } from "../../notifications/steps/send-notifications-once"
import { EVENT_SUBJECT, ORDER_MESSAGE_TEMPLATES, OrderMessageKind } from "../utils/order-events"
import { decimal, ORDER_MESSAGE_FIELDS, orderMessageData, OrderMessageRow } from "../utils/order-message-data"

export type BuildOrderNotificationsStepInput = {
  kind: OrderMessageKind
  /** The event's `id`: an order, payment or fulfillment id depending on `kind`. */
  id: string
}

/** One message to send: what it is about (`ref`, for idempotency) and the template's extra data. */
type Occasion = { ref: string; extra: Pick<OrderMessageData, "shipment" | "refund" | "payment"> }

async function graphOne<T>(container: MedusaContainer, entity: string, id: string, fields: string[]): Promise<T> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity, fields, filters: { id } }, { throwIfKeyNotFound: true })
  return data[0] as T
}

type PaymentRow = {
  id: string
  amount: number
  captures?: { id: string; amount: number }[]
  refunds?: { id: string; amount: number }[]
  payment_collection?: { order?: { id: string } | null } | null
}

type FulfillmentRow = {
  id: string
  provider_id?: string | null
  metadata?: Record<string, unknown> | null
  labels?: { tracking_number: string; tracking_url: string }[]
  order?: { id: string } | null
}

/** The order an event is about, and the message(s) it calls for. */
async function occasionsOf(
  container: MedusaContainer,
  { kind, id }: BuildOrderNotificationsStepInput
): Promise<{ orderId: string | undefined; occasions: Occasion[] }> {
  switch (EVENT_SUBJECT[kind]) {
    case "order":
      return { orderId: id, occasions: [{ ref: id, extra: {} }] }
    case "payment": {
      const payment = await graphOne<PaymentRow>(container, "payment", id, [
        "id",
        "amount",
        "captures.id",
        "captures.amount",
        "refunds.id",
        "refunds.amount",
        "payment_collection.order.id",
      ])
      const orderId = payment.payment_collection?.order?.id
      if (kind === "paid") {
        return { orderId, occasions: [{ ref: payment.id, extra: { payment: { amount: decimal(payment.amount) } } }] }
      }
      // A payment refunded twice gets one message per refund; sent ones are skipped by key.
      const occasions = (payment.refunds ?? []).map((refund) => ({
        ref: refund.id,
        extra: { refund: { amount: decimal(refund.amount) } },
      }))
      return { orderId, occasions }
    }
    case "fulfillment": {
      const fulfillment = await graphOne<FulfillmentRow>(container, "fulfillment", id, [
        "id",
        "provider_id",
        "metadata",
        "labels.tracking_number",
        "labels.tracking_url",
        "order.id",
      ])
      const labels = fulfillment.labels ?? []
      const carrier = typeof fulfillment.metadata?.carrier === "string" ? fulfillment.metadata.carrier : null
      return {
        orderId: fulfillment.order?.id,
        occasions: [
          {
            ref: fulfillment.id,
            extra: {
              shipment: {
                carrier,
                tracking_numbers: labels.map((l) => l.tracking_number).filter(Boolean),
                tracking_urls: labels.map((l) => l.tracking_url).filter(Boolean),
              },
            },
          },
        ],
      }
    }
  }
}

/** Email when the order has one; SMS and WhatsApp when there is a phone and the customer opted in. */
async function channelsFor(container: MedusaContainer, order: OrderMessageRow) {
  const consent = container.resolve<ConsentModuleService>(CONSENT_MODULE)
  const addresses: { channel: NotificationChannel; to: string }[] = []
  if (order.email) {
    addresses.push({ channel: "email", to: order.email })
  }
  const phone = addressOf(
    {
      id: order.customer_id ?? "",
      email: order.email,
      phone: order.customer?.phone ?? order.shipping_address?.phone ?? null,
      first_name: null,
      last_name: null,
    },
    "sms"
  )
  if (typeof phone === "string" && order.customer_id) {
    for (const channel of ["sms", "whatsapp"] as const) {
      const granted = await consent.isGranted([order.customer_id], channel, "order_updates")
      if (granted.get(order.customer_id)) {
        addresses.push({ channel, to: phone })
      }
    }
  }
  return addresses
}

export const buildOrderNotificationsStepId = "build-order-notifications"

/**
 * The notifications an order event calls for. Each carries an idempotency key
 * made of the event kind, what it is about and the channel, so Medusa's
 * notification module sends it once however often the event is delivered.
 */
export const buildOrderNotificationsStep = createStep(
  buildOrderNotificationsStepId,
  async (input: BuildOrderNotificationsStepInput, { container }) => {
    const { orderId, occasions } = await occasionsOf(container, input)
    if (!orderId) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `No order found for ${input.kind} event ${input.id}`)
    }
    const order = await graphOne<OrderMessageRow>(container, "order", orderId, ORDER_MESSAGE_FIELDS)
    const channels = await channelsFor(container, order)
    const notifications: NotificationToSend[] = occasions.flatMap(({ ref, extra }) =>
      channels.map(({ channel, to }) => ({
        to,
        channel,
        template: ORDER_MESSAGE_TEMPLATES[input.kind],
        data: orderMessageData(order, extra),
        trigger_type: `order.${input.kind}`,
        resource_id: order.id,
        resource_type: "order",
        receiver_id: order.customer_id,
        idempotency_key: `order-${input.kind}:${ref}:${channel}`,
      }))
    )
    return new StepResponse(notifications)
  }
)
