import { Badge, Text, Tooltip } from "@medusajs/ui"
import { formatQuantity } from "../../../lib/format"
import type { AnalyticsSummary, ComparedFigure } from "../../../hooks/analytics"
import { changeTone, formatAmount, formatChange, formatRate, isZero } from "./format"

type Kpi = {
  figure: ComparedFigure
  label: string
  hint: string
  format: (summary: AnalyticsSummary["period"], currency: AnalyticsSummary["currency_code"]) => string
  lowerIsBetter?: boolean
}

const KPIS: Kpi[] = [
  {
    figure: "gmv",
    label: "GMV",
    hint: "What orders came to when placed: items after discounts, shipping and tax.",
    format: (p, c) => formatAmount(p.gmv, c),
  },
  {
    figure: "orders",
    label: "Orders",
    hint: "Orders placed, drafts and canceled orders left out.",
    format: (p) => formatQuantity(p.orders),
  },
  {
    figure: "average_order_value",
    label: "Average order value",
    hint: "GMV divided by orders.",
    format: (p, c) => formatAmount(p.average_order_value, c),
  },
  {
    figure: "net_revenue",
    label: "Net revenue",
    hint: "GMV less the refunds made in the period.",
    format: (p, c) => formatAmount(p.net_revenue, c),
  },
  {
    figure: "conversion_rate",
    label: "Conversion",
    hint: "Carts completed divided by carts created.",
    format: (p) => formatRate(p.conversion_rate),
  },
  {
    figure: "new_customers",
    label: "New customers",
    hint: "Customers whose first order fell in the period.",
    format: (p) => formatQuantity(p.new_customers),
  },
  {
    figure: "refunds",
    label: "Refunds",
    hint: "Money refunded in the period.",
    format: (p, c) => formatAmount(p.refunds, c),
    lowerIsBetter: true,
  },
  {
    figure: "items_sold",
    label: "Items sold",
    hint: "Units on the period's orders.",
    format: (p) => formatQuantity(p.items_sold),
  },
]

/** The period's headline figures, each with its change against the previous period of the same length. */
export const KpiCards = ({ summary }: { summary: AnalyticsSummary }) => (
  <div className="grid grid-cols-2 gap-3 px-6 py-4 lg:grid-cols-4">
    {KPIS.map((kpi) => {
      const change = summary.change[kpi.figure]
      return (
        <div
          key={kpi.figure}
          className="bg-ui-bg-subtle shadow-elevation-card-rest flex flex-col gap-y-1 rounded-lg p-4"
        >
          <Tooltip content={kpi.hint}>
            <Text size="small" className="text-ui-fg-subtle w-fit">
              {kpi.label}
            </Text>
          </Tooltip>
          <Text size="xlarge" weight="plus" className="tabular-nums" data-testid={`kpi-${kpi.figure}`}>
            {kpi.format(summary.period, summary.currency_code)}
          </Text>
          <div className="flex items-center gap-x-2">
            <Badge size="2xsmall" color={changeTone(change, kpi.lowerIsBetter)}>
              {formatChange(change, isZero(summary.period[kpi.figure]))}
            </Badge>
            <Text size="xsmall" className="text-ui-fg-muted">
              vs {kpi.format(summary.previous_period, summary.currency_code)}
            </Text>
          </div>
        </div>
      )
    })}
  </div>
)
