import type { AnalyticsCurrency, AnalyticsSnapshot, AnalyticsSummary } from "../../../hooks/analytics"

export const CURRENCY_LABELS: Record<AnalyticsCurrency, string> = { ngn: "NGN (₦)", usd: "USD ($)" }
const SYMBOLS: Record<AnalyticsCurrency, string> = { ngn: "₦", usd: "$" }

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/
const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",")

/**
 * A decimal string amount for people: "₦41,925.00", "-$4.40". Done on the
 * string (no float), with the two decimals the API sends.
 */
export function formatAmount(amount: string | null | undefined, currency: AnalyticsCurrency): string {
  const match = amount ? DECIMAL.exec(amount.trim()) : null
  if (!match) {
    return "-"
  }
  const [, minus, whole, fraction = ""] = match
  const cents = fraction.padEnd(2, "0").slice(0, 2)
  const zero = /^0*$/.test(whole) && /^0*$/.test(cents)
  return `${minus && !zero ? "-" : ""}${SYMBOLS[currency]}${group(String(BigInt(whole)))}.${cents}`
}

/** A ratio "0.3333" as "33.3%"; "-" when there is none. */
export function formatRate(ratio: string | null | undefined): string {
  if (ratio === null || ratio === undefined || ratio === "") {
    return "-"
  }
  const value = Number(ratio)
  return Number.isFinite(value) ? `${(value * 100).toFixed(1)}%` : "-"
}

/** Whether a figure (a count, a decimal string or a missing rate) is nothing. */
export const isZero = (value: number | string | null | undefined): boolean =>
  value === null || value === undefined || value === 0 || (typeof value === "string" && /^-?0*(\.0+)?$/.test(value))

/**
 * A change in percent ("12.5") as "+12.5%". Without one (the previous period
 * had none of it): "new" when there is some now, "-" when there is none either.
 */
export function formatChange(change: string | null | undefined, nothingNow = false): string {
  if (change === null || change === undefined) {
    return nothingNow ? "-" : "new"
  }
  return `${change.startsWith("-") || /^0(\.0+)?$/.test(change) ? "" : "+"}${change}%`
}

/** Whether a change is good news: more is better except for refunds and cancellations. */
export function changeTone(change: string | null | undefined, lowerIsBetter = false): "green" | "red" | "grey" {
  if (change === null || change === undefined || /^-?0(\.0+)?$/.test(change)) {
    return "grey"
  }
  const up = !change.startsWith("-")
  return up !== lowerIsBetter ? "green" : "red"
}

/**
 * The calendar date `days` after `day` (negative: before). Plain calendar
 * arithmetic, in UTC, so neither the browser's zone nor its DST changes move it.
 */
export function shiftDay(day: string, days: number): string {
  const [year, month, date] = day.split("-").map(Number)
  const shifted = new Date(Date.UTC(year, month - 1, date + days))
  return [
    String(shifted.getUTCFullYear()).padStart(4, "0"),
    String(shifted.getUTCMonth() + 1).padStart(2, "0"),
    String(shifted.getUTCDate()).padStart(2, "0"),
  ].join("-")
}

/** Every day from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = []
  for (let day = from; day <= to && days.length < 1000; day = shiftDay(day, 1)) {
    days.push(day)
  }
  return days
}

/** "Mar 9" for a `YYYY-MM-DD` axis label (the day as written, whatever the browser's zone). */
export function shortDay(day: string, locale?: string): string {
  const [year, month, date] = day.split("-").map(Number)
  return new Date(Date.UTC(year, month - 1, date)).toLocaleDateString(locale, {
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  })
}

export type ChartPoint = {
  date: string
  label: string
  /** Plotted values (numbers for the chart's scale); null where the day has no snapshot. */
  gmv: number | null
  orders: number | null
  aov: number | null
  /** Percent, e.g. 33.3. */
  conversion: number | null
  /** The exact figures, for tooltips. */
  snapshot: AnalyticsSnapshot | null
}

/** One point per day of the range, with gaps (null) for days without a snapshot. */
export function chartPoints(snapshots: AnalyticsSnapshot[], from: string, to: string): ChartPoint[] {
  const byDay = new Map(snapshots.map((snapshot) => [snapshot.date, snapshot]))
  return daysBetween(from, to).map((date) => {
    const snapshot = byDay.get(date) ?? null
    return {
      date,
      label: shortDay(date),
      gmv: snapshot ? Number(snapshot.gmv) : null,
      orders: snapshot ? snapshot.orders : null,
      aov: snapshot ? Number(snapshot.average_order_value) : null,
      conversion: snapshot?.conversion_rate ? Number(snapshot.conversion_rate) * 100 : null,
      snapshot,
    }
  })
}

/** Ranges up to this many days mark every day on the line charts; longer ones only days standing alone. */
export const DOTTED_RANGE_DAYS = 31

/**
 * Whether a day's value on a line or area chart needs a dot to be seen: on a
 * short range every day has one; on a long one only a day whose neighbours
 * both have no value, which a line (broken at gaps) would not draw at all.
 */
export function needsDot(points: ChartPoint[], index: number, key: "gmv" | "aov" | "conversion"): boolean {
  if (points[index]?.[key] === null || points[index]?.[key] === undefined) {
    return false
  }
  if (points.length <= DOTTED_RANGE_DAYS) {
    return true
  }
  const missing = (i: number) => i < 0 || i >= points.length || points[i][key] === null
  return missing(index - 1) && missing(index + 1)
}

/**
 * What the page says when the period, or the one it is compared with, lacks
 * snapshots (the changes then compare fewer days); null when both are complete.
 */
export function coverageNotice(
  summary: Pick<AnalyticsSummary, "days" | "period" | "previous_period">
): string | null {
  const { days } = summary
  const current = summary.period.days_with_snapshots
  const previous = summary.previous_period.days_with_snapshots
  const parts: string[] = []
  if (current < days) {
    parts.push(`${current} of ${days} days have a snapshot.`)
  }
  if (previous < days) {
    parts.push(
      previous
        ? `The ${days} days before have ${previous}, so the changes compare with fewer days.`
        : `The ${days} days before have none, so there is nothing to compare with.`
    )
  }
  if (!parts.length) {
    return null
  }
  parts.push(
    "Missing days are filled by the nightly job, or by the backfill script (npx medusa exec ./src/scripts/analytics-backfill.ts)."
  )
  return parts.join(" ")
}
