import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { InventoryLevelWorkflowEvents } from "@medusajs/framework/utils"
import { levelRefOf } from "../lib/inventory/ledger-levels"
import { recordInventoryMovementWorkflow } from "../workflows/inventory-ledger/record-inventory-movement"

type LevelEvent = { id: string; order_id?: string }

/**
 * A level changed through one of Medusa's workflows: an order flow (fulfilment,
 * return, cancelled fulfilment; the event names the order) or the inventory
 * routes (`admin`). Records the stocked quantity's change; reservations are
 * recorded from their own events.
 */
export default async function inventoryLedgerLevelChangedHandler({ event, container }: SubscriberArgs<LevelEvent>) {
  const level = await levelRefOf(container, event.data.id)
  if (!level) {
    return
  }
  const orderId = event.data.order_id ?? null
  await recordInventoryMovementWorkflow(container).run({
    input: {
      ...level,
      track: event.name === InventoryLevelWorkflowEvents.DELETED ? "both" : "stocked",
      source: orderId ? "order" : "admin",
      reference_type: orderId ? "order" : "inventory_level",
      reference_id: orderId ?? event.data.id,
      order_id: orderId,
      attribute_to_order: !!orderId,
    },
  })
}

export const config: SubscriberConfig = {
  event: [InventoryLevelWorkflowEvents.CREATED, InventoryLevelWorkflowEvents.UPDATED, InventoryLevelWorkflowEvents.DELETED],
}
