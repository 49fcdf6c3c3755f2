import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type SetStockedQuantityStepInput = {
  inventory_item_id: string
  location_id: string
  /** The quantity read under the lock, restored on compensation. */
  before: number
  after: number
}

export const setStockedQuantityStepId = "set-stocked-quantity"

/** Sets the level's stocked quantity; compensation puts back the quantity it had. */
export const setStockedQuantityStep = createStep(
  setStockedQuantityStepId,
  async (input: SetStockedQuantityStepInput, { container }) => {
    const inventory = container.resolve(Modules.INVENTORY)
    const level = await inventory.updateInventoryLevels({
      inventory_item_id: input.inventory_item_id,
      location_id: input.location_id,
      stocked_quantity: input.after,
    })
    return new StepResponse(level, {
      inventory_item_id: input.inventory_item_id,
      location_id: input.location_id,
      stocked_quantity: input.before,
    })
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    await container.resolve(Modules.INVENTORY).updateInventoryLevels(previous)
  }
)
