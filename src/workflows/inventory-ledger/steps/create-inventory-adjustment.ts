import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { INVENTORY_LEDGER_MODULE } from "../../../modules/inventory-ledger"
import { AdjustmentReason } from "../../../modules/inventory-ledger/models/inventory-adjustment"
import InventoryLedgerModuleService from "../../../modules/inventory-ledger/service"

export type CreateInventoryAdjustmentStepInput = {
  inventory_item_id: string
  location_id: string
  delta: number
  reason: AdjustmentReason
  note?: string | null
  before: number
  after: number
  /** Reserved quantity at the location, unchanged by the adjustment. */
  reserved: number
  actor_type: string
  actor_id?: string | null
}

export const createInventoryAdjustmentStepId = "create-inventory-adjustment"

/** Writes the ledger entry; compensation deletes it. */
export const createInventoryAdjustmentStep = createStep(
  createInventoryAdjustmentStepId,
  async (input: CreateInventoryAdjustmentStepInput, { container }) => {
    const ledger = container.resolve<InventoryLedgerModuleService>(INVENTORY_LEDGER_MODULE)
    const { reserved, ...entry } = input
    const adjustment = await ledger.createInventoryAdjustments({
      ...entry,
      source: "adjustment",
      note: input.note ?? null,
      reserved_before: reserved,
      reserved_after: reserved,
      reserved_delta: 0,
      actor_id: input.actor_id ?? null,
    })
    return new StepResponse(adjustment, adjustment.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    await container.resolve<InventoryLedgerModuleService>(INVENTORY_LEDGER_MODULE).deleteInventoryAdjustments(id)
  }
)
