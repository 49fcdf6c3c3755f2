import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"

export type AnalyticsCurrency = "ngn" | "usd"

export type TopProduct = { product_id: string; title: string | null; units: number; revenue: string }
export type TopVariant = TopProduct & { variant_id: string; variant_title: string | null; sku: string | null }
export type TopLists<T> = { by_revenue: T[]; by_units: T[] }

/** One store day in one currency, as GET /admin/analytics/snapshots returns it. Amounts are decimal strings. */
export type AnalyticsSnapshot = {
  id: string
  /** Store day, `YYYY-MM-DD`. */
  date: string
  currency_code: AnalyticsCurrency
  time_zone: string
  orders: number
  gmv: string
  discounts: string
  shipping: string
  tax: string
  refunds: string
  net_revenue: string
  average_order_value: string
  items_sold: number
  new_customers: number
  returning_customers: number
  carts_created: number
  carts_completed: number
  /** Ratio with 4 decimals ("0.2500"); null when no cart was created. */
  conversion_rate: string | null
  canceled_orders: number
  low_stock_items: number | null
  open_conversations: number
  broadcast_messages_sent: number
  top_products: TopLists<TopProduct>
  top_variants: TopLists<TopVariant>
  computed_at: string
}

/** A period's totals: the snapshot's figures that add up over days, plus the period itself. */
export type PeriodTotals = Pick<
  AnalyticsSnapshot,
  | "orders"
  | "gmv"
  | "discounts"
  | "shipping"
  | "tax"
  | "refunds"
  | "net_revenue"
  | "average_order_value"
  | "items_sold"
  | "new_customers"
  | "returning_customers"
  | "carts_created"
  | "carts_completed"
  | "conversion_rate"
  | "canceled_orders"
  | "broadcast_messages_sent"
> & { from: string; to: string; days_with_snapshots: number }

export type ComparedFigure = Exclude<keyof PeriodTotals, "from" | "to" | "days_with_snapshots">

/** GET /admin/analytics/summary: a period against the one of the same length before it. */
export type AnalyticsSummary = {
  currency_code: AnalyticsCurrency
  days: number
  period: PeriodTotals
  previous_period: PeriodTotals
  /** Percent change per figure, one decimal ("12.5"); null when the previous period had none. */
  change: Record<ComparedFigure, string | null>
  top_products: TopProduct[]
}

export type AnalyticsRange = { from: string; to: string; currency: AnalyticsCurrency }

export const analyticsQueryKeys = {
  all: ["analytics"] as const,
  storeYesterday: ["analytics", "store-yesterday"] as const,
  snapshots: (range: AnalyticsRange | null) => [...analyticsQueryKeys.all, "snapshots", range] as const,
  summary: (range: AnalyticsRange | null) => [...analyticsQueryKeys.all, "summary", range] as const,
}

/**
 * The store's last finished day (yesterday in STORE_TIMEZONE, `YYYY-MM-DD`),
 * as the server reads it: the browser's own date can be a day off the
 * store's. The server fills in a range it is not given with the last 30
 * finished store days, so a summary asked for without `from` and `to` names
 * yesterday as its period's end (a small response: totals and top products).
 * Refreshed every few minutes, so the range moves on at the store's midnight.
 */
export function useStoreYesterday() {
  return useQuery({
    queryKey: analyticsQueryKeys.storeYesterday,
    queryFn: async () => {
      const { summary } = await sdk.client.fetch<{ summary: AnalyticsSummary }>("/admin/analytics/summary", {
        query: { currency: "ngn" },
      })
      return summary.period.to
    },
    staleTime: 60_000,
    refetchInterval: 5 * 60_000,
  })
}

/** Snapshots of a range; waits while the range is not known yet (null). */
export function useAnalyticsSnapshots(range: AnalyticsRange | null) {
  return useQuery({
    queryKey: analyticsQueryKeys.snapshots(range),
    queryFn: () =>
      sdk.client.fetch<{ snapshots: AnalyticsSnapshot[]; count: number; from: string; to: string }>(
        "/admin/analytics/snapshots",
        { query: range as AnalyticsRange }
      ),
    enabled: range !== null,
    placeholderData: keepPreviousData,
  })
}

/** A range's summary against the previous period; waits while the range is not known yet (null). */
export function useAnalyticsSummary(range: AnalyticsRange | null) {
  return useQuery({
    queryKey: analyticsQueryKeys.summary(range),
    queryFn: () =>
      sdk.client.fetch<{ summary: AnalyticsSummary }>("/admin/analytics/summary", {
        query: range as AnalyticsRange,
      }),
    enabled: range !== null,
    placeholderData: keepPreviousData,
  })
}

/** POST /admin/analytics/snapshots: recomputes one finished day, then refreshes every analytics query. */
export function useRecomputeSnapshot() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationKey: [...analyticsQueryKeys.all, "recompute"],
    mutationFn: (date: string) =>
      sdk.client.fetch<{ snapshots: AnalyticsSnapshot[]; count: number }>("/admin/analytics/snapshots", {
        method: "POST",
        body: { date },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: analyticsQueryKeys.all }),
  })
}
