import { BigNumberInput, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ANONYMOUS_ACTOR, COMMERCE_EVENT_SUBJECTS, CommerceEventInput } from "../utils/commerce-events"

/** What goes to the Analytics Module's `track`. */
export type AnalyticsEvent = {
  event: string
  actor_id: string
  properties: Record<string, unknown>
}

/** Money as an exact decimal string in the major unit. */
const money = (value: BigNumberInput | null | undefined) => MathBN.convert(value ?? 0).toFixed(2)

async function graphOne<T>(
  container: MedusaContainer,
  entity: string,
  filters: Record<string, string>,
  fields: string[]
): Promise<T | undefined> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity, fields, filters })
  return data[0] as T | undefined
}

type ProductRow = { id: string; title: string; handle: string }
type CartRow = {
  id: string
  currency_code: string
  region_id?: string | null
  customer_id?: string | null
  total?: BigNumberInput
  items?: { quantity: BigNumberInput }[]
}
type OrderRow = {
  id: string
  display_id?: number
  currency_code: string
  customer_id?: string | null
  total: BigNumberInput
  items?: { quantity: BigNumberInput; product_id?: string | null }[]
}
type PaymentRow = {
  id: string
  amount: BigNumberInput
  currency_code: string
  provider_id: string
  refunds?: { id: string; amount: BigNumberInput; created_at: string | Date }[]
  payment_collection?: { order?: { id: string; customer_id?: string | null } | null } | null
}

const itemCount = (items: { quantity: BigNumberInput }[] = []) =>
  items.reduce((sum, item) => sum + MathBN.convert(item.quantity).toNumber(), 0)

/** The event's properties, read from the entity its id names; undefined when that is gone. */
async function describe(container: MedusaContainer, input: CommerceEventInput): Promise<AnalyticsEvent | undefined> {
  const { event, id, handle } = input
  const filters: Record<string, string> | undefined = id
    ? { id }
    : event === "product_viewed" && handle
      ? { handle }
      : undefined
  if (!filters) {
    return undefined
  }
  switch (COMMERCE_EVENT_SUBJECTS[event]) {
    case "product": {
      const product = await graphOne<ProductRow>(container, "product", filters, ["id", "title", "handle"])
      return (
        product && {
          event,
          actor_id: input.actor_id ?? ANONYMOUS_ACTOR,
          properties: { product_id: product.id, title: product.title, handle: product.handle },
        }
      )
    }
    case "cart": {
      const fields = ["id", "currency_code", "region_id", "customer_id"]
      const cart = await graphOne<CartRow>(
        container,
        "cart",
        filters,
        event === "checkout_started" ? [...fields, "total", "items.quantity"] : fields
      )
      return (
        cart && {
          event,
          actor_id: input.actor_id ?? cart.customer_id ?? cart.id,
          properties: {
            cart_id: cart.id,
            currency_code: cart.currency_code,
            region_id: cart.region_id ?? null,
            ...(event === "checkout_started" ? { total: money(cart.total), item_count: itemCount(cart.items) } : {}),
          },
        }
      )
    }
    case "order": {
      const order = await graphOne<OrderRow>(container, "order", filters, [
        "id",
        "display_id",
        "currency_code",
        "customer_id",
        "total",
        "items.quantity",
        "items.product_id",
      ])
      return (
        order && {
          event,
          actor_id: input.actor_id ?? order.customer_id ?? order.id,
          properties: {
            order_id: order.id,
            display_id: order.display_id ?? null,
            currency_code: order.currency_code,
            total: money(order.total),
            item_count: itemCount(order.items),
            product_ids: [...new Set((order.items ?? []).map((item) => item.product_id).filter(Boolean))],
          },
        }
      )
    }
    case "payment": {
      const payment = await graphOne<PaymentRow>(container, "payment", filters, [
        "id",
        "amount",
        "currency_code",
        "provider_id",
        "refunds.id",
        "refunds.amount",
        "refunds.created_at",
        "payment_collection.order.id",
        "payment_collection.order.customer_id",
      ])
      if (!payment) {
        return undefined
      }
      const order = payment.payment_collection?.order
      const common = {
        payment_id: payment.id,
        order_id: order?.id ?? null,
        currency_code: payment.currency_code,
        provider_id: payment.provider_id,
      }
      const actor_id = input.actor_id ?? order?.customer_id ?? order?.id ?? payment.id
      if (event === "payment_captured") {
        return { event, actor_id, properties: { ...common, amount: money(payment.amount) } }
      }
      const refunds = [...(payment.refunds ?? [])].sort(
        (a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime()
      )
      const latest = refunds[refunds.length - 1]
      return (
        latest && {
          event,
          actor_id,
          properties: {
            ...common,
            refund_id: latest.id,
            amount: money(latest.amount),
            refunded_total: money(refunds.reduce((sum, refund) => MathBN.add(sum, refund.amount), MathBN.convert(0))),
          },
        }
      )
    }
  }
}

export const describeCommerceEventStepId = "describe-commerce-event"

/** Reads what the event is about into the properties sent with it; null when it no longer exists. */
export const describeCommerceEventStep = createStep(
  describeCommerceEventStepId,
  async (input: CommerceEventInput, { container }) => {
    return new StepResponse<AnalyticsEvent | null>((await describe(container, input)) ?? null)
  }
)
