import { Text } from "@medusajs/ui"
import { ReactNode } from "react"
import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  TooltipContentProps,
  XAxis,
  YAxis,
} from "recharts"
import { formatQuantity } from "../../../lib/format"
import type { AnalyticsCurrency } from "../../../hooks/analytics"
import { ChartPoint, formatAmount, formatRate, needsDot } from "./format"

const GRID = "var(--border-base, #e4e4e7)"
const AXIS = "var(--fg-muted, #71717a)"
const COLORS = {
  gmv: "var(--fg-interactive, #3b82f6)",
  orders: "var(--tag-green-icon, #10b981)",
  aov: "var(--tag-purple-icon, #a78bfa)",
  conversion: "var(--tag-orange-icon, #f97316)",
}

// Three significant digits, so axis steps such as 1.65M are not shown rounded (as 1.7M).
const compact = new Intl.NumberFormat(undefined, { notation: "compact", maximumSignificantDigits: 3 })

const ChartCard = ({ title, children }: { title: string; children: ReactNode }) => (
  <div className="bg-ui-bg-base shadow-elevation-card-rest flex flex-col gap-y-2 rounded-lg p-4">
    <Text size="small" weight="plus">
      {title}
    </Text>
    <div className="h-48 w-full">
      <ResponsiveContainer width="100%" height="100%">
        {children as React.ReactElement}
      </ResponsiveContainer>
    </div>
  </div>
)

/** The day's exact figures (the chart plots numbers; the tooltip shows the API's decimal strings). */
const DayTooltip =
  (currency: AnalyticsCurrency) =>
  ({ active, payload }: TooltipContentProps<number, string>) => {
    const point = active ? (payload?.[0]?.payload as ChartPoint | undefined) : undefined
    if (!point) {
      return null
    }
    const s = point.snapshot
    return (
      <div className="bg-ui-bg-base shadow-elevation-flyout rounded-md px-3 py-2">
        <Text size="xsmall" weight="plus">
          {point.date}
        </Text>
        {s ? (
          <div className="text-ui-fg-subtle grid grid-cols-2 gap-x-3 text-xs">
            <span>GMV</span>
            <span className="tabular-nums">{formatAmount(s.gmv, currency)}</span>
            <span>Orders</span>
            <span className="tabular-nums">{formatQuantity(s.orders)}</span>
            <span>AOV</span>
            <span className="tabular-nums">{formatAmount(s.average_order_value, currency)}</span>
            <span>Conversion</span>
            <span className="tabular-nums">{formatRate(s.conversion_rate)}</span>
          </div>
        ) : (
          <Text size="xsmall" className="text-ui-fg-muted">
            No snapshot
          </Text>
        )}
      </div>
    )
  }

const axes = (tickFormatter?: (value: number) => string) => [
  <CartesianGrid key="grid" stroke={GRID} strokeDasharray="3 3" vertical={false} />,
  <XAxis key="x" dataKey="label" stroke={AXIS} fontSize={11} tickLine={false} minTickGap={16} />,
  <YAxis key="y" stroke={AXIS} fontSize={11} tickLine={false} width={48} tickFormatter={tickFormatter} />,
]

/**
 * The dots of a line or area: every day on a short range, and on a long one a
 * day standing alone between days without a snapshot (a line would not show it).
 */
const dots =
  (points: ChartPoint[], key: "gmv" | "aov" | "conversion", color: string) =>
  ({ cx, cy, index }: { cx?: number; cy?: number; index: number }) =>
    cx !== undefined && cy !== undefined && cy !== null && needsDot(points, index, key) ? (
      <circle key={`dot-${index}`} cx={cx} cy={cy} r={2.5} fill={color} stroke={color} />
    ) : (
      <g key={`dot-${index}`} />
    )

/** GMV, orders, average order value and conversion per store day for one currency. */
export const DailyCharts = ({ points, currency }: { points: ChartPoint[]; currency: AnalyticsCurrency }) => {
  const tooltip = <Tooltip content={DayTooltip(currency)} />
  return (
    <div className="grid grid-cols-1 gap-3 px-6 py-4 xl:grid-cols-2">
      <ChartCard title="GMV per day">
        <AreaChart data={points} margin={{ top: 4, right: 8, left: 0, bottom: 0 }}>
          {axes((value) => compact.format(value))}
          {tooltip}
          <Area
            type="monotone"
            dataKey="gmv"
            stroke={COLORS.gmv}
            fill={COLORS.gmv}
            fillOpacity={0.15}
            dot={dots(points, "gmv", COLORS.gmv)}
            connectNulls={false}
          />
        </AreaChart>
      </ChartCard>
      <ChartCard title="Orders per day">
        <BarChart data={points} margin={{ top: 4, right: 8, left: 0, bottom: 0 }}>
          {axes((value) => compact.format(value))}
          {tooltip}
          <Bar dataKey="orders" fill={COLORS.orders} radius={[3, 3, 0, 0]} />
        </BarChart>
      </ChartCard>
      <ChartCard title="Average order value">
        <LineChart data={points} margin={{ top: 4, right: 8, left: 0, bottom: 0 }}>
          {axes((value) => compact.format(value))}
          {tooltip}
          <Line
            type="monotone"
            dataKey="aov"
            stroke={COLORS.aov}
            strokeWidth={2}
            dot={dots(points, "aov", COLORS.aov)}
            connectNulls={false}
          />
        </LineChart>
      </ChartCard>
      <ChartCard title="Conversion (carts completed / created)">
        <LineChart data={points} margin={{ top: 4, right: 8, left: 0, bottom: 0 }}>
          {axes((value) => `${value}%`)}
          {tooltip}
          <Line
            type="monotone"
            dataKey="conversion"
            stroke={COLORS.conversion}
            strokeWidth={2}
            dot={dots(points, "conversion", COLORS.conversion)}
            connectNulls={false}
          />
        </LineChart>
      </ChartCard>
    </div>
  )
}
