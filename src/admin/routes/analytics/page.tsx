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
} from "../../hooks/analytics"
import { toLocalDay } from "../../lib/format"
import { downloadCsv, snapshotsToCsv } from "./components/csv"
import { DailyCharts } from "./components/daily-charts"
import { chartPoints, CURRENCY_LABELS, shiftDay } from "./components/format"
import { KpiCards } from "./components/kpi-cards"
import { TopProductsTable } from "./components/top-products-table"

const RANGES = [7, 30, 90, 365] as const
const DEFAULT_DAYS = 30
const CURRENCIES: AnalyticsCurrency[] = ["ngn", "usd"]

/** The range and currency live in the URL (?currency=usd&days=90), so a view can be shared. */
function useRange(): [
  AnalyticsRange & { days: number },
  (next: { currency?: AnalyticsCurrency; days?: number }) => void,
] {
  const [params, setParams] = useSearchParams()
  const currency = (CURRENCIES as string[]).includes(params.get("currency") ?? "")
    ? (params.get("currency") as AnalyticsCurrency)
    : "ngn"
  const days = (RANGES as readonly number[]).includes(Number(params.get("days")))
    ? Number(params.get("days"))
    : DEFAULT_DAYS
  // Snapshots cover finished days: the range ends yesterday.
  const to = shiftDay(toLocalDay(new Date()), -1)
  const range = { currency, days, to, from: shiftDay(to, -(days - 1)) }
  const update = (next: { currency?: AnalyticsCurrency; days?: number }) => {
    const merged = new URLSearchParams(params)
    merged.set("currency", next.currency ?? currency)
    merged.set("days", String(next.days ?? days))
    setParams(merged, { replace: true })
  }
  return [range, update]
}

/** Daily analytics snapshots: KPIs against the previous period, charts per day, top products, CSV export. */
const AnalyticsPage = () => {
  const [range, setRange] = useRange()
  const query = { from: range.from, to: range.to, currency: range.currency }
  const summary = useAnalyticsSummary(query)
  const snapshots = useAnalyticsSnapshots(query)
  const recompute = useRecomputeSnapshot()
  const points = useMemo(
    () => chartPoints(snapshots.data?.snapshots ?? [], range.from, range.to),
    [snapshots.data, range.from, range.to]
  )
  const timeZone = snapshots.data?.snapshots[0]?.time_zone
  const error = summary.error ?? snapshots.error

  const exportCsv = () => {
    const rows = snapshots.data?.snapshots ?? []
    downloadCsv(`analytics-${range.currency}-${range.from}-${range.to}.csv`, snapshotsToCsv(rows))
  }

  const recomputeYesterday = () =>
    recompute.mutate(range.to, {
      onSuccess: () => toast.success(`Snapshots of ${range.to} recomputed`),
      onError: (e) => toast.error(e.message),
    })

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex flex-wrap items-center justify-between gap-3 px-6 py-4">
          <div>
            <Heading>Analytics</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Daily snapshots per store day{timeZone ? ` (${timeZone})` : ""}, {range.from} to {range.to}, compared with
              the {range.days} days before.
            </Text>
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <Select
              value={range.currency}
              onValueChange={(value) => setRange({ currency: value as AnalyticsCurrency })}
            >
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
            <Select value={String(range.days)} onValueChange={(value) => setRange({ days: Number(value) })}>
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
            <Button size="small" variant="secondary" onClick={recomputeYesterday} isLoading={recompute.isPending}>
              <ArrowPath />
              Recompute {range.to}
            </Button>
          </div>
        </div>
        {error ? (
          <SectionError error={error} />
        ) : summary.isLoading || !summary.data ? (
          <SectionText>Loading…</SectionText>
        ) : (
          <>
            {summary.data.summary.period.days_with_snapshots < range.days && (
              <SectionText>
                {summary.data.summary.period.days_with_snapshots} of {range.days} days have a snapshot. Missing days are
                filled by the nightly job, or by the backfill script (npx medusa exec
                ./src/scripts/analytics-backfill.ts).
              </SectionText>
            )}
            <KpiCards summary={summary.data.summary} />
          </>
        )}
      </Container>
      <Container className="p-0">
        <DailyCharts points={points} currency={range.currency} />
      </Container>
      <Container className="p-0">
        <TopProductsTable products={summary.data?.summary.top_products ?? []} currency={range.currency} />
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
