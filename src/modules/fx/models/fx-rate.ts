import { model } from "@medusajs/framework/utils"

/** One unit of `base_currency` buys `rate` units of `quote_currency` from `effective_at`. */
export const FxRate = model
  .define("fx_rate", {
    id: model.id({ prefix: "fxr" }).primaryKey(),
    base_currency: model.text(),
    quote_currency: model.text(),
    rate: model.bigNumber(),
    effective_at: model.dateTime(),
    /** Admin user who entered the rate; null for the seeded default. */
    created_by: model.text().nullable(),
  })
  .indexes([{ on: ["base_currency", "quote_currency", "effective_at"] }])
  .checks([
    (columns) => `${columns.base_currency} <> ${columns.quote_currency}`,
  ])
