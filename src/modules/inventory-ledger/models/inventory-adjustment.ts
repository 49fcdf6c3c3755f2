import { model } from "@medusajs/framework/utils"

/** Why staff adjusted stock by hand (POST /admin/inventory-adjustments). */
export const ADJUSTMENT_REASONS = ["restock", "damage", "loss", "correction", "return", "transfer"] as const
export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number]

/**
 * What moved the level:
 * - `adjustment`: staff through the adjust-inventory workflow (with a `reason`).
 * - `reservation`: an order (or staff) reserved or released units; only `reserved_*` moves.
 * - `fulfillment`: an order was fulfilled; `fulfillment_canceled`: a fulfilment was cancelled and restocked.
 * - `return`: a return was received.
 * - `order`: another order flow (claim, exchange, edit) moved stocked units.
 * - `admin`: Medusa's own inventory workflows (admin inventory routes, imports).
 * - `system`: a change made without a workflow event (a direct module call), found after the fact.
 * - `opening`: the first entry of a level the ledger had not tracked yet.
 * - `reconciliation`: drift found by the nightly reconciliation, booked so the ledger matches again.
 */
export const LEDGER_SOURCES = [
  "adjustment",
  "reservation",
  "fulfillment",
  "fulfillment_canceled",
  "return",
  "order",
  "admin",
  "system",
  "opening",
  "reconciliation",
] as const
export type LedgerSource = (typeof LEDGER_SOURCES)[number]

/**
 * One change to a stock level, as it happened; rows are written once and never
 * updated. The sums of `delta` and `reserved_delta` over a level's entries are
 * what the ledger says the level holds.
 */
export const InventoryAdjustment = model
  .define("inventory_adjustment", {
    id: model.id({ prefix: "invadj" }).primaryKey(),
    inventory_item_id: model.text(),
    location_id: model.text(),
    source: model.enum([...LEDGER_SOURCES]).default("adjustment"),
    /** Units added (positive) or removed (negative) from the stocked quantity. */
    delta: model.number(),
    /** Set for `adjustment` entries; null for movements recorded from events. */
    reason: model.enum([...ADJUSTMENT_REASONS]).nullable(),
    note: model.text().nullable(),
    /** Stocked quantity at the location just before and just after this entry. */
    before: model.number(),
    after: model.number(),
    /** Reserved quantity at the location just before and just after this entry, and the change. */
    reserved_before: model.number().default(0),
    reserved_after: model.number().default(0),
    reserved_delta: model.number().default(0),
    /** What caused it, e.g. `fulfillment` + its id, `return`, `reservation_item`, `inventory_level`. */
    reference_type: model.text().nullable(),
    reference_id: model.text().nullable(),
    /** The order behind an order-driven movement. */
    order_id: model.text().nullable(),
    /** Who made it: `user` with the admin's id, or `system` for events, scripts and jobs. */
    actor_type: model.text(),
    actor_id: model.text().nullable(),
  })
  .indexes([
    { on: ["inventory_item_id", "location_id"] },
    { on: ["reason"] },
    { on: ["source"] },
    { on: ["order_id"] },
    { on: ["reference_type", "reference_id"] },
  ])
