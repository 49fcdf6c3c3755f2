import { model } from "@medusajs/framework/utils"

export const ADJUSTMENT_REASONS = ["restock", "damage", "loss", "correction", "return", "transfer"] as const
export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number]

/** One change to a stock level, as it happened; rows are written once and never updated. */
export const InventoryAdjustment = model
  .define("inventory_adjustment", {
    id: model.id({ prefix: "invadj" }).primaryKey(),
    inventory_item_id: model.text(),
    location_id: model.text(),
    /** Units added (positive) or removed (negative) from the stocked quantity. */
    delta: model.number(),
    reason: model.enum([...ADJUSTMENT_REASONS]),
    note: model.text().nullable(),
    /** Stocked quantity at the location just before and just after this adjustment. */
    before: model.number(),
    after: model.number(),
    /** Who made it: `user` with the admin's id, or `system` for scripts and jobs. */
    actor_type: model.text(),
    actor_id: model.text().nullable(),
  })
  .indexes([{ on: ["inventory_item_id", "location_id"] }, { on: ["reason"] }])
