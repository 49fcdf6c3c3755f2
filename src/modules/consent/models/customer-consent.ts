import { model } from "@medusajs/framework/utils"
import { NOTIFICATION_CHANNELS } from "../../../lib/notifications/types"

export const CONSENT_PURPOSES = ["marketing", "order_updates"] as const
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number]

/** A customer's latest yes/no for one channel and purpose; no row means the configured default. */
export const CustomerConsent = model
  .define("customer_consent", {
    id: model.id({ prefix: "cons" }).primaryKey(),
    customer_id: model.text(),
    channel: model.enum([...NOTIFICATION_CHANNELS]),
    purpose: model.enum([...CONSENT_PURPOSES]),
    granted: model.boolean(),
    /** Who changed it last: `customer`, `unsubscribe_link`, `admin` or `erasure`. */
    source: model.text(),
  })
  .indexes([
    { on: ["customer_id", "channel", "purpose"], unique: true, where: "deleted_at IS NULL" },
  ])
