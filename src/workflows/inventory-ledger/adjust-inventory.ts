import { createHook, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { AdjustmentReason } from "../../modules/inventory-ledger/models/inventory-adjustment"
import { adjustStockedQuantityStep } from "./steps/adjust-stocked-quantity"
import { checkLowStockStep } from "./steps/check-low-stock"
import { createInventoryAdjustmentStep } from "./steps/create-inventory-adjustment"
import { recordLevelMovementStep } from "./steps/record-level-movement"
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
 * Changes one stock level and records it in the ledger as one unit: under the
 * lock Medusa's own inventory flows take for the item, reads the level,
 * refuses a result below 0 or below what is reserved (409), books any change
 * the ledger has not recorded yet, adds the delta to the level, writes the
 * entry. If anything fails up to and including the `inventoryAdjusted` hook,
 * the delta is taken off again and the entry deleted, still under the lock.
 * Then checks the item against its low-stock threshold; a failure there
 * undoes nothing.
 *
 * Hook `inventoryAdjusted` `{ adjustment }` runs after both writes and inside
 * the unit: a handler that throws undoes the adjustment.
 */
export const adjustInventoryWorkflow = createWorkflow(
  adjustInventoryWorkflowId,
  (input: AdjustInventoryWorkflowInput) => {
    const lockKey = transform({ input }, ({ input }) => levelLockKey(input))
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 60 })

    validateInventoryAdjustmentStep(input)
    // A change the ledger has not recorded yet (its event may still be on the way) is
    // booked first, so this entry starts where the ledger's balance ends.
    const catchUp = transform({ input }, ({ input }) => ({
      inventory_item_id: input.inventory_item_id,
      location_id: input.location_id,
      track: "both" as const,
      source: "system" as const,
    }))
    recordLevelMovementStep(catchUp).config({ name: "record-unrecorded-movement" })
    const change = adjustStockedQuantityStep(input)
    const entry = transform({ input, change }, ({ input, change }) => ({
      ...change,
      reason: input.reason,
      note: input.note ?? null,
      actor_type: input.actor_type,
      actor_id: input.actor_id ?? null,
    }))
    const adjustment = createInventoryAdjustmentStep(entry)
    const inventoryAdjusted = createHook("inventoryAdjusted", { adjustment })

    releaseLockStep({ key: lockKey })

    // Past the lock: a failure here must not compensate, that would take the delta off unlocked.
    const low_stock = checkLowStockStep({ inventory_item_id: input.inventory_item_id }).config({
      continueOnPermanentFailure: true,
    })
    return new WorkflowResponse({ adjustment, low_stock }, { hooks: [inventoryAdjusted] })
  }
)
