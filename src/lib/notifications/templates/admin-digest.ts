import { z } from "@medusajs/framework/zod"
import { formatMoney } from "../../money"
import { amount, defineTemplate, lines } from "./define"
import { emailDocument, heading, paragraph, table } from "./html"

const AdminDigestData = z.object({
  /** The store day (STORE_TIMEZONE), YYYY-MM-DD. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be YYYY-MM-DD"),
  revenue: z.array(z.object({ currency_code: z.string(), orders: z.coerce.number().int(), total: amount })),
  low_stock: z.array(z.object({ sku: z.string().nullable(), title: z.string(), available: z.coerce.number() })),
  /** Concierge conversations not resolved yet. */
  open_conversations: z.number().int().min(0),
})

type AdminDigest = z.infer<typeof AdminDigestData>

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`

const revenueLine = (r: AdminDigest["revenue"][number]) =>
  `${r.currency_code.toUpperCase()}: ${plural(r.orders, "order")}, ${formatMoney(r.total, r.currency_code)}`

const stockName = (s: AdminDigest["low_stock"][number]) => (s.sku ? `${s.title} (${s.sku})` : s.title)

const conversationsLine = ({ open_conversations }: AdminDigest) =>
  `Concierge: ${plural(open_conversations, "open conversation")}`

/** At most a few low-stock lines in an SMS or WhatsApp message. */
const SHORT_STOCK_LIMIT = 5

const shortStock = ({ low_stock }: AdminDigest) => {
  if (!low_stock.length) {
    return "none"
  }
  const shown = low_stock.slice(0, SHORT_STOCK_LIMIT).map((s) => `${stockName(s)} ${s.available}`)
  const more = low_stock.length - shown.length
  return `${shown.join(", ")}${more > 0 ? ` and ${more} more` : ""}`
}

/** The daily staff digest: revenue per currency, low stock, open concierge conversations. */
export const adminDigestTemplate = defineTemplate("admin-digest", {
  schema: AdminDigestData,
  email: (data) => {
    const subject = `Store digest for ${data.date}`
    const revenue = data.revenue.length ? data.revenue.map(revenueLine) : ["No orders."]
    const stock = data.low_stock.length
      ? data.low_stock.map((s) => `${stockName(s)}: ${s.available} available`)
      : ["Nothing is low on stock."]
    return {
      subject,
      text: lines(
        subject,
        "",
        "Revenue",
        ...revenue,
        "",
        "Low stock",
        ...stock,
        "",
        conversationsLine(data)
      ),
      html: emailDocument(subject, [
        heading(subject),
        paragraph("Revenue"),
        data.revenue.length
          ? table(
              [{ title: "Currency" }, { title: "Orders", align: "right" }, { title: "Total", align: "right" }],
              data.revenue.map((r) => [
                r.currency_code.toUpperCase(),
                String(r.orders),
                formatMoney(r.total, r.currency_code),
              ])
            )
          : paragraph("No orders."),
        paragraph("Low stock"),
        data.low_stock.length
          ? table(
              [{ title: "Product" }, { title: "SKU" }, { title: "Available", align: "right" }],
              data.low_stock.map((s) => [s.title, s.sku ?? "", String(s.available)])
            )
          : paragraph("Nothing is low on stock."),
        paragraph(conversationsLine(data)),
      ]),
    }
  },
  short: (data) =>
    lines(
      `Store digest ${data.date}`,
      ...(data.revenue.length ? data.revenue.map(revenueLine) : ["No orders."]),
      `Low stock: ${shortStock(data)}`,
      conversationsLine(data)
    ),
})
