import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { listLowStockItems } from "../../../lib/inventory/low-stock"
import { SnapshotDays } from "./resolve-snapshot-days"

export type LowStockCount = { date: string; count: number } | null

export const countLowStockItemsStepId = "count-low-stock-items"

/**
 * Items at or below their low-stock threshold now (src/lib/inventory/low-stock.ts),
 * recorded on yesterday's snapshot when yesterday is being computed: right
 * after the day ended, now is as close to its end as stock can be read.
 * Older days get none (there is no stock history to read back).
 */
export const countLowStockItemsStep = createStep(
  countLowStockItemsStepId,
  async (days: SnapshotDays, { container }) => {
    if (!days.dates.includes(days.yesterday)) {
      return new StepResponse<LowStockCount>(null)
    }
    const items = await listLowStockItems(container)
    return new StepResponse<LowStockCount>({ date: days.yesterday, count: items.length })
  }
)
