import { model } from "@medusajs/framework/utils"

/**
 * Marks a variant price as computed from another currency. Repricing touches
 * only prices that still hold the `amount` written here: a price staff changed
 * by hand no longer matches and is left alone.
 */
export const DerivedPrice = model
  .define("fx_derived_price", {
    id: model.id({ prefix: "fxdp" }).primaryKey(),
    variant_id: model.text(),
    currency_code: model.text(),
    source_currency: model.text(),
    /** Decimal strings, kept exact: compared, never computed with. */
    source_amount: model.text(),
    rate: model.text(),
    /** The amount last written to the variant's price in `currency_code`. */
    amount: model.text(),
  })
  .indexes([
    {
      on: ["variant_id", "currency_code"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])
