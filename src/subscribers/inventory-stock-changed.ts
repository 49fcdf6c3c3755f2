import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, InventoryEvents } from "@medusajs/framework/utils"
import { checkItemLowStockWorkflow } from "../workflows/inventory-ledger/check-item-low-stock"

/** Which record each event names; both carry the inventory item whose availability changed. */
const ENTITY_OF: Record<string, "reservation_item" | "inventory_level"> = {
  [InventoryEvents.RESERVATION_ITEM_CREATED]: "reservation_item",
  [InventoryEvents.RESERVATION_ITEM_UPDATED]: "reservation_item",
  [InventoryEvents.INVENTORY_LEVEL_UPDATED]: "inventory_level",
}

/**
 * Stock also moves outside `adjust-inventory`: orders reserve it, and Medusa's own
 * inventory routes change levels. Each change runs the same low-stock check.
 */
export default async function inventoryStockChangedHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: ENTITY_OF[event.name],
    fields: ["inventory_item_id"],
    filters: { id: event.data.id },
  })
  const itemId = (data[0] as { inventory_item_id?: string } | undefined)?.inventory_item_id
  if (itemId) {
    await checkItemLowStockWorkflow(container).run({ input: { inventory_item_id: itemId } })
  }
}

export const config: SubscriberConfig = {
  event: Object.keys(ENTITY_OF),
}
