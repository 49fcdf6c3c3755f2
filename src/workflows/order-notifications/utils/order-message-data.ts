import { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import { orderTrackingUrl } from "../../../lib/notifications/links"
import { OrderMessageData } from "../../../lib/notifications/templates"

export const ORDER_MESSAGE_FIELDS = [
  "id",
  "display_id",
  "email",
  "currency_code",
  "customer_id",
  "total",
  "subtotal",
  "shipping_total",
  "tax_total",
  "items.title",
  "items.variant_title",
  "items.quantity",
  "items.unit_price",
  "items.total",
  "customer.first_name",
  "customer.phone",
  "shipping_address.first_name",
  "shipping_address.phone",
]

export type OrderMessageRow = {
  id: string
  display_id: number
  email: string | null
  currency_code: string
  customer_id: string | null
  total: BigNumberInput
  subtotal: BigNumberInput
  shipping_total: BigNumberInput
  tax_total: BigNumberInput
  items: { title: string; variant_title?: string | null; quantity: BigNumberInput; unit_price: BigNumberInput; total: BigNumberInput }[]
  customer?: { first_name?: string | null; phone?: string | null } | null
  shipping_address?: { first_name?: string | null; phone?: string | null } | null
}

const decimal = (value: BigNumberInput) => MathBN.convert(value).toString()

/** The order as the lifecycle templates take it: amounts as exact decimal strings. */
export function orderMessageData(
  order: OrderMessageRow,
  extra: Pick<OrderMessageData, "shipment" | "refund" | "payment"> = {}
): OrderMessageData {
  return {
    customer_name: order.customer?.first_name ?? order.shipping_address?.first_name ?? "",
    order: {
      id: order.id,
      display_id: order.display_id,
      currency_code: order.currency_code,
      total: decimal(order.total),
      subtotal: decimal(order.subtotal),
      shipping_total: decimal(order.shipping_total),
      tax_total: decimal(order.tax_total),
      items: (order.items ?? []).map((item) => ({
        title: item.title,
        variant_title: item.variant_title ?? null,
        quantity: Number(decimal(item.quantity)),
        unit_price: decimal(item.unit_price),
        total: decimal(item.total),
      })),
    },
    tracking_url: orderTrackingUrl(order.id),
    ...extra,
  }
}

export { decimal }
