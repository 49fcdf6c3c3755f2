import { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import { formatMoney } from "../money"

export const TIMELINE_STATUSES = [
  "placed",
  "paid",
  "fulfilled",
  "shipped",
  "delivered",
  "canceled",
  "refunded",
] as const
export type TimelineStatus = (typeof TIMELINE_STATUSES)[number]

export type TimelineEntry = {
  status: TimelineStatus
  /** ISO 8601 timestamp. */
  at: string
  /** Human-readable detail: an amount, a carrier and tracking numbers. */
  detail?: string
}

type DateLike = Date | string
type Maybe<T> = T | null | undefined
type MoneyEvent = { created_at: DateLike; amount: BigNumberInput }
type Payment = { captures?: Maybe<Maybe<MoneyEvent>[]>; refunds?: Maybe<Maybe<MoneyEvent>[]> }

/** The parts of Medusa's order graph (`query.graph({ entity: "order" })`) the timeline reads. */
export type TrackedOrder = {
  currency_code: string
  status: string
  created_at: DateLike
  updated_at?: Maybe<DateLike>
  canceled_at?: Maybe<DateLike>
  payment_collections?: Maybe<Maybe<{ payments?: Maybe<Maybe<Payment>[]> }>[]>
  fulfillments?: Maybe<
    Maybe<{
      created_at: DateLike
      shipped_at?: Maybe<DateLike>
      delivered_at?: Maybe<DateLike>
      canceled_at?: Maybe<DateLike>
      provider_id?: Maybe<string>
      /** Staff can name the carrier in the fulfillment's metadata (`{ carrier: "GIG Logistics" }`). */
      metadata?: Maybe<Record<string, unknown>>
      labels?: Maybe<Maybe<{ tracking_number?: Maybe<string> }>[]>
    }>[]
  >
}

type Fulfillment = NonNullable<NonNullable<TrackedOrder["fulfillments"]>[number]>

const present = <T>(list: Maybe<Maybe<T>[]>): T[] => (list ?? []).filter((item): item is T => !!item)

/** The carrier staff named on the fulfillment, else a fulfillment provider other than the manual one. */
function carrierOf(fulfillment: Fulfillment): string | null {
  const named = fulfillment.metadata?.carrier
  if (typeof named === "string" && named.trim()) {
    return named.trim()
  }
  const provider = fulfillment.provider_id
  return provider && !provider.startsWith("manual") ? provider : null
}

function shipmentDetail(fulfillment: Fulfillment): string | undefined {
  const carrier = carrierOf(fulfillment)
  const numbers = present(fulfillment.labels)
    .map((label) => label.tracking_number?.trim())
    .filter((n): n is string => !!n)
  const tracking = numbers.length ? `tracking ${numbers.join(", ")}` : null
  const parts = [carrier, tracking].filter((p): p is string => !!p)
  return parts.length ? parts.join(", ") : undefined
}

/** Formatted for the store's currencies; any other currency as "12.50 EUR" rather than failing the page. */
function amountText(amount: BigNumberInput, currencyCode: string): string {
  try {
    return formatMoney(amount, currencyCode)
  } catch {
    return `${MathBN.convert(amount).toFixed()} ${currencyCode.toUpperCase()}`
  }
}

const RANK = Object.fromEntries(TIMELINE_STATUSES.map((status, i) => [status, i])) as Record<TimelineStatus, number>

/**
 * What happened to an order, oldest first: placed, each captured payment, each
 * fulfillment (fulfilled, shipped with tracking numbers, delivered), cancellation and
 * each refund. Canceled fulfillments are left out. Nothing happens to an order before
 * it is placed, so an event recorded a moment earlier (a payment captured while the
 * checkout completed) is shown at the time the order was placed.
 */
export function buildOrderTimeline(order: TrackedOrder): TimelineEntry[] {
  const placedAt = new Date(order.created_at).getTime()
  const entries: { time: number; entry: TimelineEntry }[] = []
  const add = (status: TimelineStatus, at: Maybe<DateLike>, detail?: string) => {
    if (!at) {
      return
    }
    const time = Math.max(new Date(at).getTime(), placedAt)
    entries.push({ time, entry: { status, at: new Date(time).toISOString(), ...(detail ? { detail } : {}) } })
  }
  const money = (amount: BigNumberInput) => amountText(amount, order.currency_code)

  add("placed", order.created_at)
  const payments = present(order.payment_collections).flatMap((collection) => present(collection.payments))
  for (const capture of payments.flatMap((payment) => present(payment.captures))) {
    add("paid", capture.created_at, money(capture.amount))
  }
  for (const fulfillment of present(order.fulfillments).filter((f) => !f.canceled_at)) {
    add("fulfilled", fulfillment.created_at)
    add("shipped", fulfillment.shipped_at, shipmentDetail(fulfillment))
    add("delivered", fulfillment.delivered_at)
  }
  add("canceled", order.canceled_at ?? (order.status === "canceled" ? order.updated_at : null))
  for (const refund of payments.flatMap((payment) => present(payment.refunds))) {
    add("refunded", refund.created_at, money(refund.amount))
  }
  // Same-time events in lifecycle order (placed before paid, ...); the sort is stable.
  return entries
    .sort((a, b) => a.time - b.time || RANK[a.entry.status] - RANK[b.entry.status])
    .map(({ entry }) => entry)
}
