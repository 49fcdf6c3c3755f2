import { MathBN, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type AdjustStockedQuantityStepInput = {
  inventory_item_id: string
  location_id: string
  /** Units to add (positive) or remove (negative). */
  delta: number
}

export type StockedQuantityChange = AdjustStockedQuantityStepInput & {
  /** Stocked quantity just before and after this change. */
  before: number
  after: number
  /** Reserved quantity at the location, unchanged by the adjustment. */
  reserved: number
}

export const adjustStockedQuantityStepId = "adjust-stocked-quantity"

/**
 * Adds `delta` to the level's stocked quantity the way Medusa's own flows do
 * (`adjustInventory`), so a change made meanwhile by someone else is kept.
 * Run it holding the level's lock (`levelLockKey`). Compensation removes the
 * delta again; it runs before the workflow's lock is released, so it must not
 * take that lock itself.
 */
export const adjustStockedQuantityStep = createStep(
  adjustStockedQuantityStepId,
  async (input: AdjustStockedQuantityStepInput, { container }) => {
    const level = await container
      .resolve(Modules.INVENTORY)
      .adjustInventory(input.inventory_item_id, input.location_id, input.delta)
    const after = MathBN.convert(level.stocked_quantity)
    const change: StockedQuantityChange = {
      ...input,
      before: MathBN.sub(after, input.delta).toNumber(),
      after: after.toNumber(),
      reserved: MathBN.convert(level.reserved_quantity ?? 0).toNumber(),
    }
    return new StepResponse(change, {
      inventory_item_id: input.inventory_item_id,
      location_id: input.location_id,
      delta: input.delta,
    })
  },
  async (applied, { container }) => {
    if (!applied) {
      return
    }
    await container
      .resolve(Modules.INVENTORY)
      .adjustInventory(applied.inventory_item_id, applied.location_id, -applied.delta)
  }
)
