import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { listLowStockItems } from "../../../lib/inventory/low-stock"

export const listLowStockItemsStepId = "list-low-stock-items"

/** Inventory items at or below their low-stock threshold (see src/lib/inventory/low-stock.ts). */
export const listLowStockItemsStep = createStep(listLowStockItemsStepId, async (_: void, { container }) => {
  return new StepResponse(await listLowStockItems(container))
})
