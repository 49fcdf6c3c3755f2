import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { checkLowStockStep, CheckLowStockStepInput } from "./steps/check-low-stock"

export type CheckItemLowStockWorkflowInput = CheckLowStockStepInput

export const checkItemLowStockWorkflowId = "check-item-low-stock"

/**
 * Alerts the admins when the item has just fallen to or below its low-stock
 * threshold and re-arms the alert once it is above again. For stock changes
 * made outside `adjust-inventory` (reservations, fulfilments, Medusa's own
 * inventory routes): a subscriber passes the item id.
 */
export const checkItemLowStockWorkflow = createWorkflow(
  checkItemLowStockWorkflowId,
  (input: CheckItemLowStockWorkflowInput) => {
    const lockKey = transform({ input }, ({ input }) => `low-stock:${input.inventory_item_id}`)
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 120 })
    const check = checkLowStockStep(input)
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(check)
  }
)
