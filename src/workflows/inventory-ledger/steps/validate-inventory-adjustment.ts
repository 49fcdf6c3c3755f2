import { MathBN, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep } from "@medusajs/framework/workflows-sdk"
import { AdjustStockedQuantityStepInput } from "./adjust-stocked-quantity"

/** The change the adjustment will make: the same input as adjustStockedQuantityStep's. */
export type ValidateInventoryAdjustmentStepInput = AdjustStockedQuantityStepInput

export const validateInventoryAdjustmentStepId = "validate-inventory-adjustment"

/**
 * Reads the level (run it holding the level's lock, `levelLockKey`, so no
 * reservation or other stock move lands before the change) and refuses a
 * change that would leave fewer units stocked than zero or than are reserved.
 */
export const validateInventoryAdjustmentStep = createStep(
  validateInventoryAdjustmentStepId,
  async (input: ValidateInventoryAdjustmentStepInput, { container }) => {
    if (!Number.isSafeInteger(input.delta) || input.delta === 0) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "delta must be a whole number other than 0")
    }
    const inventory = container.resolve(Modules.INVENTORY)
    const [level] = await inventory.listInventoryLevels(
      { inventory_item_id: input.inventory_item_id, location_id: input.location_id },
      { take: 1 }
    )
    if (!level) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Inventory item ${input.inventory_item_id} is not stocked at location ${input.location_id}`
      )
    }
    const before = MathBN.convert(level.stocked_quantity ?? 0)
    const reserved = MathBN.convert(level.reserved_quantity ?? 0)
    const after = MathBN.add(before, input.delta)
    if (MathBN.lt(after, 0)) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Adjustment of ${input.delta} would leave ${after.toString()} in stock; stock cannot go below 0`
      )
    }
    if (MathBN.lt(after, reserved)) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Adjustment of ${input.delta} would leave ${after.toString()} in stock, ` +
          `fewer than the ${reserved.toString()} reserved`
      )
    }
  }
)
