import { MedusaContainer } from "@medusajs/framework/types"
import { env } from "../config"
import { localHour } from "../lib/store-day"
import { reconcileInventoryLedgerWorkflow } from "../workflows/inventory-ledger/reconcile-inventory-ledger"

/** Store-local hour at which the ledger is reconciled: the quietest hour of the night. */
export const INVENTORY_RECONCILE_HOUR = 3

/**
 * Runs every hour and reconciles the inventory ledger in the store's 03:00
 * hour, so it follows STORE_TIMEZONE without a cron time zone. The drift alert
 * is keyed by store day, so a second run that night alerts nothing new.
 */
export default async function reconcileInventoryLedgerJob(container: MedusaContainer) {
  if (localHour(new Date(), env.STORE_TIMEZONE) !== INVENTORY_RECONCILE_HOUR) {
    return
  }
  await reconcileInventoryLedgerWorkflow(container).run()
}

export const config = {
  name: "reconcile-inventory-ledger",
  schedule: "0 * * * *",
}
