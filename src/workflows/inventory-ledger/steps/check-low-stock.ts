import { InventoryItemDTO, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { availableQuantity, lowStockThreshold } from "../../../lib/inventory/low-stock"
import { INVENTORY_LEDGER_MODULE } from "../../../modules/inventory-ledger"
import InventoryLedgerModuleService from "../../../modules/inventory-ledger/service"
import { sendAdminAlertWorkflow } from "../../admin-alerts/send-admin-alert"

export type CheckLowStockStepInput = { inventory_item_id: string }

export type LowStockCheck = {
  inventory_item_id: string
  /** Stocked minus reserved over every location. */
  available: number
  threshold: number
  /**
   * `alerted`: crossed the threshold, the admins were told. `low`: still low, already told.
   * `rearmed`: back above the threshold after an alert. `ok`: above, nothing pending.
   * `alert_failed`: crossed, but the alert could not be sent; the next check tries again.
   */
  outcome: "alerted" | "low" | "rearmed" | "ok" | "alert_failed"
}

export const checkLowStockStepId = "check-low-stock"

/**
 * Alerts the admins once when the item's available quantity is at or below its
 * threshold, and re-arms once it is above again. The alert is a consequence of
 * a stock change that has already happened: a failure to send it is logged and
 * retried on the next check, never undoing the change.
 */
export const checkLowStockStep = createStep(
  checkLowStockStepId,
  async (input: CheckLowStockStepInput, { container }) => {
    const inventory = container.resolve(Modules.INVENTORY)
    const item = await inventory.retrieveInventoryItem(input.inventory_item_id)
    const levels = await inventory.listInventoryLevels({ inventory_item_id: input.inventory_item_id })
    const available = availableQuantity(levels)
    const threshold = lowStockThreshold(item.metadata)
    const outcome = await alertOrRearm(container, item, available, threshold)
    return new StepResponse<LowStockCheck>({ inventory_item_id: item.id, available, threshold, outcome })
  }
)

async function alertOrRearm(
  container: MedusaContainer,
  item: InventoryItemDTO,
  available: number,
  threshold: number
): Promise<LowStockCheck["outcome"]> {
  const ledger = container.resolve<InventoryLedgerModuleService>(INVENTORY_LEDGER_MODULE)
  if (available > threshold) {
    return (await ledger.rearmLowStock(item.id)) ? "rearmed" : "ok"
  }
  const alertedAt = await ledger.markLowStockAlerted(item.id)
  if (!alertedAt) {
    return "low"
  }
  const name = item.title || item.sku || item.id
  try {
    await sendAdminAlertWorkflow(container).run({
      input: {
        key: `low-stock:${item.id}:${alertedAt.toISOString()}`,
        title: `Low stock: ${name}${item.sku && item.sku !== name ? ` (${item.sku})` : ""}`,
        message: `${available} available across all locations; the low-stock threshold is ${threshold}.`,
        url: `/app/inventory/${item.id}`,
      },
    })
  } catch (error) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`Low-stock alert for ${item.id} was not sent: ${(error as Error).message}`)
    await ledger.clearLowStockAlert(item.id, alertedAt)
    return "alert_failed"
  }
  return "alerted"
}
