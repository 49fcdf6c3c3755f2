import type { AnalyticsSnapshot } from "../../../hooks/analytics"

/** The CSV's columns, in order: every figure of a snapshot except the top lists. */
export const CSV_COLUMNS = [
  "date",
  "currency_code",
  "orders",
  "gmv",
  "discounts",
  "shipping",
  "tax",
  "refunds",
  "net_revenue",
  "average_order_value",
  "items_sold",
  "new_customers",
  "returning_customers",
  "carts_created",
  "carts_completed",
  "conversion_rate",
  "canceled_orders",
  "low_stock_items",
  "open_conversations",
  "broadcast_messages_sent",
  "top_product",
  "time_zone",
  "computed_at",
] as const

/** A field quoted when it holds a comma, quote or line break; a leading = + - @ is neutralised against formula injection. */
export function csvField(value: unknown): string {
  let text = value === null || value === undefined ? "" : String(value)
  if (/^[=+@\t\r]/.test(text) || (/^-/.test(text) && !/^-\d+(\.\d+)?$/.test(text))) {
    text = `'${text}`
  }
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

const cell = (snapshot: AnalyticsSnapshot, column: (typeof CSV_COLUMNS)[number]): unknown =>
  column === "top_product" ? (snapshot.top_products.by_revenue[0]?.title ?? "") : snapshot[column]

/** The snapshots as CSV (RFC 4180, CRLF line ends), amounts exactly as the API sent them. */
export function snapshotsToCsv(snapshots: AnalyticsSnapshot[]): string {
  const lines = [CSV_COLUMNS.join(",")]
  for (const snapshot of snapshots) {
    lines.push(CSV_COLUMNS.map((column) => csvField(cell(snapshot, column))).join(","))
  }
  return `${lines.join("\r\n")}\r\n`
}

/** Hands the CSV to the browser as a file download. */
export function downloadCsv(filename: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }))
  const link = document.createElement("a")
  link.href = url
  link.download = filename
  document.body.appendChild(link)
  link.click()
  link.remove()
  URL.revokeObjectURL(url)
}
