import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { env } from "../../config"
import { ActivityEntry } from "../../modules/activity/service"
import { recordActivityStep } from "../activity/steps/record-activity"
import { sendAdminAlertWorkflow } from "../admin-alerts/send-admin-alert"
import { localDate } from "../../lib/store-day"
import { bookLedgerDriftStep } from "./steps/book-ledger-drift"
import { findLedgerDriftStep, LedgerDrift } from "./steps/find-ledger-drift"

export const reconcileInventoryLedgerWorkflowId = "reconcile-inventory-ledger"

export const INVENTORY_DRIFT_ACTION = "inventory_level.drift_detected"

// Items listed in the alert; the activity log has every one.
const ALERT_ITEMS = 20

const LOCK_KEY = "inventory-ledger-reconcile"

const describe = (drift: LedgerDrift) => {
  const name = drift.sku && drift.sku !== drift.title ? `${drift.title} (${drift.sku})` : drift.title
  const parts = [
    drift.stocked !== drift.ledger_stocked && `stocked ${drift.stocked}, ledger says ${drift.ledger_stocked}`,
    drift.reserved !== drift.ledger_reserved && `reserved ${drift.reserved}, ledger says ${drift.ledger_reserved}`,
  ].filter(Boolean)
  return `- ${name} at ${drift.location_id}: ${parts.join("; ")}`
}

/**
 * Compares every inventory level with what its ledger sums to. Each level that
 * differs is recorded in the activity log (`inventory_level.drift_detected`),
 * the admins get one alert listing them (keyed by store day, so a second run
 * that day sends nothing more), and the difference is booked in the ledger as
 * a `reconciliation` entry so the next run starts clean. Levels the ledger has
 * never seen get their `opening` entry; that is not drift.
 */
export const reconcileInventoryLedgerWorkflow = createWorkflow(reconcileInventoryLedgerWorkflowId, () => {
  acquireLockStep({ key: LOCK_KEY, timeout: 5, ttl: 1800 })
  const report = findLedgerDriftStep()

  when({ report }, ({ report }) => report.drifted.length > 0).then(() => {
    const entries = transform({ report }, ({ report }) =>
      report.drifted.map(
        (drift): ActivityEntry => ({
          actor_type: "system",
          action: INVENTORY_DRIFT_ACTION,
          resource_type: "inventory_item",
          resource_id: drift.inventory_item_id,
          payload: {
            location_id: drift.location_id,
            level_id: drift.level_id,
            stocked: { level: drift.stocked, ledger: drift.ledger_stocked },
            reserved: { level: drift.reserved, ledger: drift.ledger_reserved },
          },
        })
      )
    )
    recordActivityStep({ entries }).config({ name: "record-inventory-drift" })
    const alert = transform({ report }, ({ report }) => {
      const shown = report.drifted.slice(0, ALERT_ITEMS).map(describe)
      const more = report.drifted.length - shown.length
      return {
        key: `inventory-drift:${localDate(new Date(), env.STORE_TIMEZONE)}`,
        title: `Inventory ledger drift: ${report.drifted.length} stock level${report.drifted.length === 1 ? "" : "s"}`,
        message: [
          "These stock levels differ from what their ledger entries add up to; they changed without a recorded movement.",
          ...shown,
          ...(more > 0 ? [`...and ${more} more (see the activity log).`] : []),
        ].join("\n"),
        url: "/app/inventory",
      }
    })
    sendAdminAlertWorkflow.runAsStep({ input: alert })
  })

  const booked = bookLedgerDriftStep(
    transform({ report }, ({ report }) => ({
      drifted: report.drifted.map(({ inventory_item_id, location_id }) => ({ inventory_item_id, location_id })),
      untracked: report.untracked,
    }))
  )
  releaseLockStep({ key: LOCK_KEY })

  const summary = transform({ report, booked }, ({ report, booked }) => ({
    checked: report.checked,
    drifted: report.drifted,
    opened: report.untracked.length,
    booked: booked.length,
  }))
  return new WorkflowResponse(summary)
})
