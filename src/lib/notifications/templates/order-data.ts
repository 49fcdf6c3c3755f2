import { z } from "@medusajs/framework/zod"
import { formatMoney } from "../../money"
import { amount, lines, RenderedEmail } from "./define"
import { button, emailDocument, html, paragraph, SafeHtml, table } from "./html"

const OrderItem = z.object({
  title: z.string(),
  variant_title: z.string().nullish(),
  quantity: z.coerce.number(),
  unit_price: amount,
  total: amount,
})

/** What every order lifecycle template receives. Amounts are major-unit decimals ("12500", "24.99"). */
export const OrderMessageDataSchema = z.object({
  /** First name, or "" when unknown (the greeting is then just "Hello,"). */
  customer_name: z.string().nullish().transform((value) => value?.trim() ?? ""),
  order: z.object({
    id: z.string(),
    display_id: z.coerce.number(),
    currency_code: z.string(),
    total: amount,
    subtotal: amount,
    shipping_total: amount,
    tax_total: amount,
    items: z.array(OrderItem),
  }),
  /** The storefront's tracking page with its signed token (`orderTrackingUrl`). */
  tracking_url: z.string(),
  shipment: z
    .object({
      carrier: z.string().nullish(),
      tracking_numbers: z.array(z.string()),
      tracking_urls: z.array(z.string()),
    })
    .optional(),
  refund: z.object({ amount }).optional(),
  payment: z.object({ amount }).optional(),
})

export type OrderMessageData = z.infer<typeof OrderMessageDataSchema>

export const greeting = (data: OrderMessageData) => (data.customer_name ? `Hello ${data.customer_name},` : "Hello,")

export const orderRef = (data: OrderMessageData) => `#${data.order.display_id}`

export const money = (data: OrderMessageData, value: string) => formatMoney(value, data.order.currency_code)

const itemName = (item: OrderMessageData["order"]["items"][number]) =>
  item.variant_title ? `${item.title} (${item.variant_title})` : item.title

/** Items and totals as plain text lines. */
export function itemsText(data: OrderMessageData): string {
  return lines(
    ...data.order.items.map((item) => `${item.quantity} x ${itemName(item)}: ${money(data, item.total)}`),
    `Subtotal: ${money(data, data.order.subtotal)}`,
    `Delivery: ${money(data, data.order.shipping_total)}`,
    `Tax: ${money(data, data.order.tax_total)}`,
    `Total: ${money(data, data.order.total)}`
  )
}

/** Items and totals as an HTML table. */
export function itemsTable(data: OrderMessageData): SafeHtml {
  const total = (label: string, value: string, strong = false) => [
    strong ? html`<strong>${label}</strong>` : label,
    "",
    "",
    strong ? html`<strong>${money(data, value)}</strong>` : money(data, value),
  ]
  return table(
    [
      { title: "Item" },
      { title: "Qty", align: "right" },
      { title: "Price", align: "right" },
      { title: "Total", align: "right" },
    ],
    [
      ...data.order.items.map((item) => [
        itemName(item),
        String(item.quantity),
        money(data, item.unit_price),
        money(data, item.total),
      ]),
      total("Subtotal", data.order.subtotal),
      total("Delivery", data.order.shipping_total),
      total("Tax", data.order.tax_total),
      total("Total", data.order.total, true),
    ]
  )
}

/**
 * An order email: greeting, the template's paragraphs, optional extra HTML (e.g. the
 * items table), then the tracking link, in both text and HTML.
 */
export function orderEmail(
  data: OrderMessageData,
  subject: string,
  paragraphs: string[],
  extra: { text?: string; html?: SafeHtml } = {}
): RenderedEmail {
  const text = lines(
    greeting(data),
    "",
    ...paragraphs,
    extra.text ? "" : null,
    extra.text,
    "",
    `Track your order: ${data.tracking_url}`
  )
  const content = [
    paragraph(greeting(data)),
    ...paragraphs.map(paragraph),
    ...(extra.html ? [extra.html] : []),
    button(data.tracking_url, "Track your order"),
  ]
  return { subject, text, html: emailDocument(subject, content) }
}
