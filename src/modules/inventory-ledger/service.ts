import { Context } from "@medusajs/framework/types"
import { generateEntityId, InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { InventoryAdjustment } from "./models/inventory-adjustment"
import { LowStockState } from "./models/low-stock-state"

const knexOf = (context: Context) => {
  const manager = (context.transactionManager ?? context.manager) as SqlEntityManager
  return manager.getTransactionContext() ?? manager.getKnex()
}

export type LevelRef = { inventory_item_id: string; location_id: string }

/** What the ledger says a level holds: the sums of its entries. */
export type LedgerBalance = LevelRef & { stocked: number; reserved: number; entries: number }

export const levelKey = ({ inventory_item_id, location_id }: LevelRef) => `${inventory_item_id}:${location_id}`

const BALANCE_BATCH = 500

class InventoryLedgerModuleService extends MedusaService({ InventoryAdjustment, LowStockState }) {
  /**
   * The ledger's balance of each level, keyed by `levelKey`: the sums of
   * `delta` and `reserved_delta` and the number of entries (0 for a level it
   * has never recorded).
   */
  @InjectManager()
  async balancesOf(
    levels: LevelRef[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Map<string, LedgerBalance>> {
    const empty = (level: LevelRef): LedgerBalance => ({
      inventory_item_id: level.inventory_item_id,
      location_id: level.location_id,
      stocked: 0,
      reserved: 0,
      entries: 0,
    })
    const balances = new Map<string, LedgerBalance>(levels.map((level) => [levelKey(level), empty(level)]))
    const pairs = [...balances.values()].map((level) => [level.inventory_item_id, level.location_id])
    for (let start = 0; start < pairs.length; start += BALANCE_BATCH) {
      const rows: (LevelRef & { stocked: string; reserved: string; entries: string })[] = await knexOf(sharedContext)(
        "inventory_adjustment"
      )
        .select("inventory_item_id", "location_id")
        .sum({ stocked: "delta", reserved: "reserved_delta" })
        .count({ entries: "*" })
        .whereIn(["inventory_item_id", "location_id"], pairs.slice(start, start + BALANCE_BATCH))
        .whereNull("deleted_at")
        .groupBy("inventory_item_id", "location_id")
      for (const row of rows) {
        balances.set(levelKey(row), {
          inventory_item_id: row.inventory_item_id,
          location_id: row.location_id,
          stocked: Number(row.stocked),
          reserved: Number(row.reserved),
          entries: Number(row.entries),
        })
      }
    }
    return balances
  }

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
