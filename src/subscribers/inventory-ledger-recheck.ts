import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { LEDGER_RECHECK_EVENT, levelRefOf } from "../lib/inventory/ledger-levels"
import { recordInventoryMovementWorkflow } from "../workflows/inventory-ledger/record-inventory-movement"

/** Records what is still unexplained at a level some seconds after it changed (see inventory-ledger-level-touched). */
export default async function inventoryLedgerRecheckHandler({
  event,
  container,
}: SubscriberArgs<{ id: string; touched_at?: string }>) {
  const level = await levelRefOf(container, event.data.id)
  if (!level) {
    return
  }
  await recordInventoryMovementWorkflow(container).run({
    input: {
      ...level,
      track: "both",
      source: "system",
      reference_type: "inventory_level",
      reference_id: event.data.id,
      unchanged_since: event.data.touched_at,
    },
  })
}

export const config: SubscriberConfig = {
  event: LEDGER_RECHECK_EVENT,
}
