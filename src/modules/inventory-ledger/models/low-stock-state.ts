import { model } from "@medusajs/framework/utils"

/** Whether an item's low-stock alert has gone out since it last had more than its threshold available. */
export const LowStockState = model
  .define("low_stock_state", {
    id: model.id({ prefix: "lowstk" }).primaryKey(),
    inventory_item_id: model.text(),
    /** When the alert for the current dip went out; null once stock is back above the threshold (re-armed). */
    alerted_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["inventory_item_id"], unique: true, where: "deleted_at IS NULL" }])
