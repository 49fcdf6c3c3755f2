import { MedusaContainer } from "@medusajs/framework/types"
import { MathBN, Modules } from "@medusajs/framework/utils"
import { INVENTORY_LEDGER_MODULE } from "../../../modules/inventory-ledger"
import { LedgerSource } from "../../../modules/inventory-ledger/models/inventory-adjustment"
import InventoryLedgerModuleService, { levelKey } from "../../../modules/inventory-ledger/service"
import { attributeOrderMovement } from "./attribute-order-movement"

export type LevelMovementInput = {
  inventory_item_id: string
  location_id: string
  /**
   * Which quantities this movement may explain: a reservation moves only the
   * reserved quantity, a fulfilment only the stocked one. `both` for a change
   * whose cause is unknown.
   */
  track: "stocked" | "reserved" | "both"
  source: LedgerSource
  reference_type?: string | null
  reference_id?: string | null
  order_id?: string | null
  /** Look up which of the order's fulfilments or returns moved the stock (sets source and reference). */
  attribute_to_order?: boolean
  note?: string | null
  actor_type?: "user" | "system"
  actor_id?: string | null
  /**
   * Record only if the level has not been written since this instant (ISO).
   * A recheck passes the time its write was reported: a later write has its
   * own recheck coming, after its cause's event (a reservation, say) has had
   * time to be recorded under its own name.
   */
  unchanged_since?: string
}

export type LevelMovement = {
  id: string
  source: LedgerSource
  delta: number
  reserved_delta: number
  before: number
  after: number
  reserved_before: number
  reserved_after: number
}

/**
 * Records the difference between a level as it is now and as the ledger knows
 * it (the sums of its entries) as one entry with before/after of the stocked
 * and reserved quantities; null when they agree, so running it again for the
 * same change writes nothing. A level that no longer exists holds 0. The first
 * entry of a level from an unknown cause (`system`) is its `opening` balance.
 * Call it holding the level's lock (`levelLockKey`).
 */
export async function recordLevelMovement(
  container: MedusaContainer,
  input: LevelMovementInput
): Promise<LevelMovement | null> {
  const inventory = container.resolve(Modules.INVENTORY)
  const ledger = container.resolve<InventoryLedgerModuleService>(INVENTORY_LEDGER_MODULE)
  const ref = { inventory_item_id: input.inventory_item_id, location_id: input.location_id }
  const [level] = await inventory.listInventoryLevels(ref, { take: 1 })
  if (input.unchanged_since && level?.updated_at && new Date(level.updated_at) > new Date(input.unchanged_since)) {
    return null
  }
  const balance = (await ledger.balancesOf([ref])).get(levelKey(ref))!
  const stocked = MathBN.convert(level?.stocked_quantity ?? 0).toNumber()
  const reserved = MathBN.convert(level?.reserved_quantity ?? 0).toNumber()
  const stockedAfter = input.track === "reserved" ? balance.stocked : stocked
  const reservedAfter = input.track === "stocked" ? balance.reserved : reserved
  if (stockedAfter === balance.stocked && reservedAfter === balance.reserved) {
    return null
  }
  const delta = stockedAfter - balance.stocked
  const attribution =
    input.attribute_to_order && input.order_id && delta !== 0
      ? await attributeOrderMovement(container, input.order_id, ref, delta)
      : {
          source: input.source === "system" && balance.entries === 0 ? ("opening" as const) : input.source,
          reference_type: input.reference_type ?? null,
          reference_id: input.reference_id ?? null,
        }
  const entry = await ledger.createInventoryAdjustments({
    ...ref,
    ...attribution,
    order_id: input.order_id ?? null,
    delta,
    reason: null,
    note: input.note ?? null,
    before: balance.stocked,
    after: stockedAfter,
    reserved_before: balance.reserved,
    reserved_after: reservedAfter,
    reserved_delta: reservedAfter - balance.reserved,
    actor_type: input.actor_type ?? "system",
    actor_id: input.actor_id ?? null,
  })
  return {
    id: entry.id,
    source: entry.source,
    delta: entry.delta,
    reserved_delta: entry.reserved_delta,
    before: entry.before,
    after: entry.after,
    reserved_before: entry.reserved_before,
    reserved_after: entry.reserved_after,
  }
}
