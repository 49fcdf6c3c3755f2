import { Context } from "@medusajs/framework/types"
import { generateEntityId, InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { InventoryAdjustment } from "./models/inventory-adjustment"
import { LowStockState } from "./models/low-stock-state"

const knexOf = (context: Context) => {
  const manager = (context.transactionManager ?? context.manager) as SqlEntityManager
  return manager.getTransactionContext() ?? manager.getKnex()
}

class InventoryLedgerModuleService extends MedusaService({ InventoryAdjustment, LowStockState }) {
  /**
   * Marks the item as alerted unless it already is, in one statement, so two
   * adjustments racing past the threshold alert once. Returns when it was
   * marked, or null when an alert had already gone out for this dip.
   */
  @InjectManager()
  async markLowStockAlerted(
    inventoryItemId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Date | null> {
    const now = new Date()
    const { rows } = await knexOf(sharedContext).raw(
      `insert into "low_stock_state" ("id", "inventory_item_id", "alerted_at")
       values (?, ?, ?)
       on conflict ("inventory_item_id") where "deleted_at" is null
       do update set "alerted_at" = excluded."alerted_at", "updated_at" = now()
       where "low_stock_state"."alerted_at" is null
       returning "alerted_at"`,
      [generateEntityId(undefined, "lowstk"), inventoryItemId, now]
    )
    return rows.length ? new Date(rows[0].alerted_at) : null
  }

  /** Re-arms the item's alert; returns whether it had been alerted. */
  @InjectManager()
  async rearmLowStock(inventoryItemId: string, @MedusaContext() sharedContext: Context = {}): Promise<boolean> {
    const updated = await knexOf(sharedContext)("low_stock_state")
      .where({ inventory_item_id: inventoryItemId })
      .whereNull("deleted_at")
      .whereNotNull("alerted_at")
      .update({ alerted_at: null, updated_at: new Date() })
    return Number(updated) > 0
  }

  /** Undoes `markLowStockAlerted` when the alert could not be sent, so the next change tries again. */
  @InjectManager()
  async clearLowStockAlert(
    inventoryItemId: string,
    alertedAt: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    await knexOf(sharedContext)("low_stock_state")
      .where({ inventory_item_id: inventoryItemId, alerted_at: alertedAt })
      .whereNull("deleted_at")
      .update({ alerted_at: null, updated_at: new Date() })
  }
}

export default InventoryLedgerModuleService
