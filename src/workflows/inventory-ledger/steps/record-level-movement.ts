import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { INVENTORY_LEDGER_MODULE } from "../../../modules/inventory-ledger"
import InventoryLedgerModuleService from "../../../modules/inventory-ledger/service"
import { LevelMovement, LevelMovementInput, recordLevelMovement } from "../utils/record-level-movement"

export type RecordLevelMovementStepInput = LevelMovementInput

export const recordLevelMovementStepId = "record-level-movement"

/**
 * Records what changed at a level since the ledger's last entry, if anything
 * (see `recordLevelMovement`). Run it under the level's lock. Compensation
 * deletes the entry.
 */
export const recordLevelMovementStep = createStep(
  recordLevelMovementStepId,
  async (input: RecordLevelMovementStepInput, { container }) => {
    const movement = await recordLevelMovement(container, input)
    return new StepResponse<LevelMovement | null, string | null>(movement, movement?.id ?? null)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    await container.resolve<InventoryLedgerModuleService>(INVENTORY_LEDGER_MODULE).deleteInventoryAdjustments(id)
  }
)
