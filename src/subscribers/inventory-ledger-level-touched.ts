import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { InventoryEvents, Modules } from "@medusajs/framework/utils"
import { LEDGER_RECHECK_DELAY_MS, LEDGER_RECHECK_EVENT } from "../lib/inventory/ledger-levels"

/**
 * The inventory module reports every write to a level, also the ones made
 * without a workflow event (a direct module call). The level is checked
 * against the ledger a little later, once the workflow events that name the
 * cause (reservation, fulfilment, admin...) have been recorded; whatever is
 * still unexplained then is recorded as `system`.
 */
export default async function inventoryLedgerLevelTouchedHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  await container
    .resolve(Modules.EVENT_BUS)
    .emit(
      { name: LEDGER_RECHECK_EVENT, data: { id: event.data.id, touched_at: new Date().toISOString() } },
      { delay: LEDGER_RECHECK_DELAY_MS }
    )
}

export const config: SubscriberConfig = {
  // On purpose the module's events, not the workflow events: they also report writes made without a workflow.
  /* eslint-disable @medusajs/prefer-workflow-event-over-module-event */
  event: [
    InventoryEvents.INVENTORY_LEVEL_CREATED,
    InventoryEvents.INVENTORY_LEVEL_UPDATED,
    InventoryEvents.INVENTORY_LEVEL_DELETED,
  ],
  /* eslint-enable @medusajs/prefer-workflow-event-over-module-event */
}
