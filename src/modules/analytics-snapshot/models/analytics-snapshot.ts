import { model } from "@medusajs/framework/utils"

/**
 * One store day's figures in one currency (NGN and USD are never added
 * together). Written only by the compute-analytics-snapshots workflow, which
 * replaces a day's rows whenever it recomputes that day. Amounts are in the
 * currency's major unit, rounded to its minor unit. Orders count on the store
 * day they were placed (`STORE_TIMEZONE`); refunds, cancellations and carts on
 * the day they happened.
 */
export const AnalyticsSnapshot = model
  .define("analytics_snapshot", {
    id: model.id({ prefix: "asnap" }).primaryKey(),
    /** The store-local calendar day, `YYYY-MM-DD`. */
    date: model.text(),
    currency_code: model.text(),
    /** The zone `date` was read in (STORE_TIMEZONE when computed). */
    time_zone: model.text(),
    /** Orders placed that day, drafts and orders since canceled left out. */
    orders: model.number().default(0),
    /** What those orders came to when placed: items after discounts, plus shipping and tax. */
    gmv: model.bigNumber(),
    /** Promotion adjustments on their items and shipping, tax included. */
    discounts: model.bigNumber(),
    /** Shipping charged on them, after shipping discounts, tax included. */
    shipping: model.bigNumber(),
    tax: model.bigNumber(),
    /** Money refunded that day, whichever day the order was placed. */
    refunds: model.bigNumber(),
    /** `gmv - refunds`. */
    net_revenue: model.bigNumber(),
    /** `gmv / orders` (0 without orders). */
    average_order_value: model.bigNumber(),
    items_sold: model.number().default(0),
    /** Customers who ordered that day and never before; `returning_customers` had ordered on an earlier day. */
    new_customers: model.number().default(0),
    returning_customers: model.number().default(0),
    carts_created: model.number().default(0),
    /** Carts completed into an order that day. */
    carts_completed: model.number().default(0),
    /** `carts_completed / carts_created`, 4 decimals; null when no cart was created. */
    conversion_rate: model.bigNumber().nullable(),
    /** Orders canceled that day. */
    canceled_orders: model.number().default(0),
    /**
     * Store-wide (the same on each currency's row): inventory items at or below
     * their low-stock threshold when the day was computed right after it ended;
     * null for a day first computed later (stock has no history to read back).
     */
    low_stock_items: model.number().nullable(),
    /** Store-wide: concierge conversations open at the end of the day. */
    open_conversations: model.number().default(0),
    /** Store-wide: broadcast messages sent that day, all channels. */
    broadcast_messages_sent: model.number().default(0),
    /** `{ by_revenue, by_units }`, each up to 10 `{ product_id, title, units, revenue }`. */
    top_products: model.json(),
    /** `{ by_revenue, by_units }`, each up to 10 `{ variant_id, product_id, title, variant_title, sku, units, revenue }`. */
    top_variants: model.json(),
    computed_at: model.dateTime(),
  })
  .indexes([
    { on: ["date", "currency_code"], unique: true, where: "deleted_at IS NULL" },
    { on: ["currency_code", "date"], where: "deleted_at IS NULL" },
  ])
