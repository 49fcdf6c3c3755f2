import { createHook, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { AdjustmentReason } from "../../modules/inventory-ledger/models/inventory-adjustment"
import { checkLowStockStep } from "./steps/check-low-stock"
import { createInventoryAdjustmentStep } from "./steps/create-inventory-adjustment"
import { recordLevelMovementStep } from "./steps/record-level-movement"
import { setStockedQuantityStep } from "./steps/set-stocked-quantity"
import { validateInventoryAdjustmentStep } from "./steps/validate-inventory-adjustment"
import { levelLockKey } from "./utils/level-lock"

export type AdjustInventoryWorkflowInput = {
  inventory_item_id: string
  location_id: string
  /** Units to add (positive) or remove (negative). */
  delta: number
  reason: AdjustmentReason
  note?: string | null
  actor_type: "user" | "system"
  actor_id?: string | null
}

export const adjustInventoryWorkflowId = "adjust-inventory"

/**
 * Changes one stock level and records it in the ledger as one unit: under a
 * lock on the item+location, reads the level, refuses a result below 0 or
 * below what is reserved (409), books any change the ledger has not recorded
 * yet, sets the level, writes the entry. If anything
 * fails up to and including the `inventoryAdjusted` hook, the level is put back
 * and the entry deleted. Then checks the item against its low-stock threshold.
 *
 * Hook `inventoryAdjusted` `{ adjustment }` runs after both writes and inside
 * the unit: a handler that throws undoes the adjustment.
 */
export const adjustInventoryWorkflow = createWorkflow(
  adjustInventoryWorkflowId,
  (input: AdjustInventoryWorkflowInput) => {
    const lockKey = transform({ input }, ({ input }) => levelLockKey(input))
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 60 })

    const planned = validateInventoryAdjustmentStep(input)
    // A change the ledger has not recorded yet (its event may still be on the way) is
    // booked first, so this entry starts where the ledger's balance ends.
    const catchUp = transform({ input }, ({ input }) => ({
      inventory_item_id: input.inventory_item_id,
      location_id: input.location_id,
      track: "both" as const,
      source: "system" as const,
    }))
    recordLevelMovementStep(catchUp).config({ name: "record-unrecorded-movement" })
    setStockedQuantityStep(planned)
    const entry = transform({ input, planned }, ({ input, planned }) => ({
      ...planned,
      reason: input.reason,
      note: input.note ?? null,
      actor_type: input.actor_type,
      actor_id: input.actor_id ?? null,
    }))
    const adjustment = createInventoryAdjustmentStep(entry)
    const inventoryAdjusted = createHook("inventoryAdjusted", { adjustment })

    releaseLockStep({ key: lockKey })

    const low_stock = checkLowStockStep({ inventory_item_id: input.inventory_item_id })
    return new WorkflowResponse({ adjustment, low_stock }, { hooks: [inventoryAdjusted] })
  }
)
