import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ANALYTICS_SNAPSHOT_MODULE } from "../../../../modules/analytics-snapshot"
import AnalyticsSnapshotModuleService, { PeriodTotals } from "../../../../modules/analytics-snapshot/service"
import { daysInRange, percentChange, previousPeriod } from "../../../../workflows/analytics/utils/periods"
import { requestedRange } from "../helpers"
import { GetAdminAnalyticsSummaryParamsType } from "../validators"

/** Figures compared with the previous period. */
const COMPARED = [
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
  "broadcast_messages_sent",
] as const satisfies readonly (keyof PeriodTotals)[]

/**
 * One currency's totals over `from`..`to` (default: the last 30 finished
 * days) against the period of the same length just before it, with the
 * change of each figure in percent (null when the previous period had none).
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, GetAdminAnalyticsSummaryParamsType>,
  res: MedusaResponse
) => {
  const { from, to } = requestedRange(req.validatedQuery)
  const currency_code = req.validatedQuery.currency
  const previous = previousPeriod(from, to)
  const snapshots = req.scope.resolve<AnalyticsSnapshotModuleService>(ANALYTICS_SNAPSHOT_MODULE)
  const [current, before, top_products] = await Promise.all([
    snapshots.totalsInRange({ from, to, currency_code }),
    snapshots.totalsInRange({ ...previous, currency_code }),
    snapshots.topProductsInRange({ from, to, currency_code }),
  ])
  const change = Object.fromEntries(COMPARED.map((field) => [field, percentChange(current[field], before[field])]))
  res.json({
    summary: {
      currency_code,
      days: daysInRange(from, to),
      period: { from, to, ...current },
      previous_period: { ...previous, ...before },
      change,
      top_products,
    },
  })
}
