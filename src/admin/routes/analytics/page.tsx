import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArrowDownTray, ArrowPath, ChartBar } from "@medusajs/icons"
import { Button, Container, Heading, Select, Text, toast } from "@medusajs/ui"
import { useMemo } from "react"
import { useSearchParams } from "react-router-dom"
import { SectionError, SectionText } from "../../components/query-state"
import {
  AnalyticsCurrency,
  AnalyticsRange,
  useAnalyticsSnapshots,
  useAnalyticsSummary,
  useRecomputeSnapshot,
  useStoreYesterday,
} from "../../hooks/analytics"
import { downloadCsv, snapshotsToCsv } from "./components/csv"
import { DailyCharts } from "./components/daily-charts"
import { chartPoints, coverageNotice, CURRENCY_LABELS, shiftDay } from "./components/format"
import { KpiCards } from "./components/kpi-cards"
import { TopProductsTable } from "./components/top-products-table"

const RANGES = [7, 30, 90, 365] as const
const DEFAULT_DAYS = 30
const CURRENCIES: AnalyticsCurrency[] = ["ngn", "usd"]

type RangeChoice = { currency: AnalyticsCurrency; days: number }

/**
 * The range and currency live in the URL (?currency=usd&days=90), so a view can be shared.
 * Snapshots cover finished store days, so the range ends on the store's yesterday
 * (STORE_TIMEZONE, as the server reads it, not the browser's date); `range` is
 * null until the server has said which day that is.
 */
function useRange() {
  const [params, setParams] = useSearchParams()
  const storeYesterday = useStoreYesterday()
  const currency = (CURRENCIES as string[]).includes(params.get("currency") ?? "")
    ? (params.get("currency") as AnalyticsCurrency)
    : "ngn"
  const days = (RANGES as readonly number[]).includes(Number(params.get("days")))
    ? Number(params.get("days"))
    : DEFAULT_DAYS
  const to = storeYesterday.data
  const range: (AnalyticsRange & RangeChoice) | null = useMemo(
    () => (to ? { currency, days, to, from: shiftDay(to, -(days - 1)) } : null),
    [currency, days, to]
  )
  const choose = (next: Partial<RangeChoice>) => {
    const merged = new URLSearchParams(params)
    merged.set("currency", next.currency ?? currency)
    merged.set("days", String(next.days ?? days))
    setParams(merged, { replace: true })
  }
  return { range, choice: { currency, days }, choose, storeDayError: storeYesterday.error }
}

/** Daily analytics snapshots: KPIs against the previous period, charts per day, top products, CSV export. */
const AnalyticsPage = () => {
  const { range, choice, choose, storeDayError } = useRange()
  const query = range && { from: range.from, to: range.to, currency: range.currency }
  const summary = useAnalyticsSummary(query)
  const snapshots = useAnalyticsSnapshots(query)
  const recompute = useRecomputeSnapshot()
  const points = useMemo(
    () => (range ? chartPoints(snapshots.data?.snapshots ?? [], range.from, range.to) : []),
    [snapshots.data, range]
  )
  const timeZone = snapshots.data?.snapshots[0]?.time_zone
  const error = storeDayError ?? summary.error ?? snapshots.error
  const notice = summary.data ? coverageNotice(summary.data.summary) : null

  const exportCsv = () => {
    if (!range) {
      return
    }
    const rows = snapshots.data?.snapshots ?? []
    downloadCsv(`analytics-${range.currency}-${range.from}-${range.to}.csv`, snapshotsToCsv(rows))
  }

  const recomputeYesterday = () => {
    if (!range) {
      return
    }
    const day = range.to
    recompute.mutate(day, {
      onSuccess: () => toast.success(`Snapshots of ${day} recomputed`),
      onError: (e) => toast.error(e.message),
    })
  }

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex flex-wrap items-center justify-between gap-3 px-6 py-4">
          <div>
            <Heading>Analytics</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Daily snapshots per store day{timeZone ? ` (${timeZone})` : ""}
              {range ? `, ${range.from} to ${range.to}, compared with the ${range.days} days before.` : "."}
            </Text>
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <Select value={choice.currency} onValueChange={(value) => choose({ currency: value as AnalyticsCurrency })}>
              <Select.Trigger className="w-32" aria-label="Currency">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {CURRENCIES.map((currency) => (
                  <Select.Item key={currency} value={currency}>
                    {CURRENCY_LABELS[currency]}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
            <Select value={String(choice.days)} onValueChange={(value) => choose({ days: Number(value) })}>
              <Select.Trigger className="w-40" aria-label="Range">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {RANGES.map((days) => (
                  <Select.Item key={days} value={String(days)}>
                    Last {days} days
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
            <Button size="small" variant="secondary" onClick={exportCsv} disabled={!snapshots.data?.snapshots.length}>
              <ArrowDownTray />
              Export CSV
            </Button>
            <Button
              size="small"
              variant="secondary"
              onClick={recomputeYesterday}
              disabled={!range}
              isLoading={recompute.isPending}
            >
              <ArrowPath />
              {range ? `Recompute ${range.to}` : "Recompute yesterday"}
            </Button>
          </div>
        </div>
        {error ? (
          <SectionError error={error} />
        ) : !range || summary.isLoading || !summary.data ? (
          <SectionText>Loading…</SectionText>
        ) : (
          <>
            {notice && <SectionText>{notice}</SectionText>}
            <KpiCards summary={summary.data.summary} />
          </>
        )}
      </Container>
      <Container className="p-0">
        <DailyCharts points={points} currency={snapshots.data?.snapshots[0]?.currency_code ?? choice.currency} />
      </Container>
      <Container className="p-0">
        <TopProductsTable
          products={summary.data?.summary.top_products ?? []}
          currency={summary.data?.summary.currency_code ?? choice.currency}
        />
      </Container>
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Analytics",
  icon: ChartBar,
})

export const handle = {
  breadcrumb: () => "Analytics",
}

export default AnalyticsPage
