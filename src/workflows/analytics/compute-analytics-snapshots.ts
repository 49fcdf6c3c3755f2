import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { aggregateStoreDaysStep } from "./steps/aggregate-store-days"
import { countLowStockItemsStep } from "./steps/count-low-stock-items"
import { resolveSnapshotDaysStep } from "./steps/resolve-snapshot-days"
import { saveAnalyticsSnapshotsStep } from "./steps/save-analytics-snapshots"

export type ComputeAnalyticsSnapshotsWorkflowInput = {
  /** First store day (`YYYY-MM-DD`); default `to`, or yesterday in STORE_TIMEZONE. */
  from?: string
  /** Last store day, included; default `from`, or yesterday. Must be over. */
  to?: string
}

export type ComputeAnalyticsSnapshotsWorkflowOutput = {
  from: string
  to: string
  days: number
  /** Snapshot rows written (a row per day and currency). */
  snapshots: number
}

export const computeAnalyticsSnapshotsWorkflowId = "compute-analytics-snapshots"

/**
 * Computes the daily snapshots of finished store days from Medusa's tables
 * with SQL aggregates and stores them as an upsert per day and currency:
 * computing a day again replaces it, so the job, the recompute route and the
 * backfill script can all run it as often as they like.
 */
export const computeAnalyticsSnapshotsWorkflow = createWorkflow(
  computeAnalyticsSnapshotsWorkflowId,
  (input: ComputeAnalyticsSnapshotsWorkflowInput) => {
    const days = resolveSnapshotDaysStep(input)
    const aggregated = aggregateStoreDaysStep(days)
    const lowStock = countLowStockItemsStep(days)
    const figures = transform({ aggregated, lowStock }, ({ aggregated, lowStock }) =>
      aggregated.map((row) =>
        lowStock && row.date === lowStock.date ? { ...row, low_stock_items: lowStock.count } : row
      )
    )
    const saved = saveAnalyticsSnapshotsStep({ dates: days.dates, figures })
    const result = transform({ days, saved }, ({ days, saved }) => ({
      from: days.from,
      to: days.to,
      days: days.dates.length,
      snapshots: saved,
    }))
    return new WorkflowResponse<ComputeAnalyticsSnapshotsWorkflowOutput>(result)
  }
)
