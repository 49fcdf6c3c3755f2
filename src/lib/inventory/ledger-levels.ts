import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { LevelRef } from "../../modules/inventory-ledger/service"

/** Delay before a level changed without a workflow event is checked against the ledger (see the recheck subscriber). */
export const LEDGER_RECHECK_DELAY_MS = 10_000

/** Emitted, delayed, when a level changed: `{ id, touched_at }`, the inventory level to check against the ledger and when its write was reported. */
export const LEDGER_RECHECK_EVENT = "inventory-ledger.recheck"

type Row = { inventory_item_id?: string | null; location_id?: string | null }

const refOf = (row: Row | undefined): LevelRef | null =>
  row?.inventory_item_id && row.location_id
    ? { inventory_item_id: row.inventory_item_id, location_id: row.location_id }
    : null

/** The item and location of an inventory level, also when it was deleted. */
export async function levelRefOf(container: MedusaContainer, levelId: string): Promise<LevelRef | null> {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "inventory_level",
    fields: ["inventory_item_id", "location_id"],
    filters: { id: levelId },
    withDeleted: true,
  })
  return refOf(data[0] as Row | undefined)
}

/** The level a reservation holds units at; null when it is gone (reservations are deleted for good). */
export async function reservationLevelOf(container: MedusaContainer, reservationId: string): Promise<LevelRef | null> {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "reservation_item",
    fields: ["inventory_item_id", "location_id"],
    filters: { id: reservationId },
    withDeleted: true,
  })
  return refOf(data[0] as Row | undefined)
}

type OrderRow = {
  items?: ({ variant?: { inventory_items?: ({ inventory_item_id?: string | null } | null)[] | null } | null } | null)[]
}

/** Every level of every inventory item the order's lines use. */
export async function orderLevels(container: MedusaContainer, orderId: string): Promise<LevelRef[]> {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    fields: ["id", "items.variant.inventory_items.inventory_item_id"],
    filters: { id: orderId },
  })
  const itemIds = [
    ...new Set(
      ((data[0] as OrderRow | undefined)?.items ?? []).flatMap((line) =>
        (line?.variant?.inventory_items ?? []).map((link) => link?.inventory_item_id).filter((id): id is string => !!id)
      )
    ),
  ]
  if (!itemIds.length) {
    return []
  }
  const levels = await container.resolve(Modules.INVENTORY).listInventoryLevels({ inventory_item_id: itemIds })
  return levels.map((level) => ({ inventory_item_id: level.inventory_item_id, location_id: level.location_id }))
}
