import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { recordLevelMovementStep, RecordLevelMovementStepInput } from "./steps/record-level-movement"
import { levelLockKey } from "./utils/level-lock"

export type RecordInventoryMovementWorkflowInput = RecordLevelMovementStepInput

export const recordInventoryMovementWorkflowId = "record-inventory-movement"

/**
 * Brings the ledger up to date with one level after a change made outside
 * `adjust-inventory` (an order's reservation, fulfilment or return, Medusa's
 * own inventory routes): under the level's lock, the difference between the
 * level and the ledger's balance becomes one entry with its source. Idempotent:
 * run again, it finds no difference.
 */
export const recordInventoryMovementWorkflow = createWorkflow(
  recordInventoryMovementWorkflowId,
  (input: RecordInventoryMovementWorkflowInput) => {
    const lockKey = transform({ input }, ({ input }) => levelLockKey(input))
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 60 })
    const movement = recordLevelMovementStep(input)
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(movement)
  }
)
