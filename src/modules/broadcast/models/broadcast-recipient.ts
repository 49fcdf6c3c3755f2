import { model } from "@medusajs/framework/utils"
import { Broadcast } from "./broadcast"

export const RECIPIENT_STATUSES = ["queued", "sent", "failed", "skipped"] as const
export type RecipientStatus = (typeof RECIPIENT_STATUSES)[number]

export const BroadcastRecipient = model
  .define("broadcast_recipient", {
    id: model.id({ prefix: "bcrcp" }).primaryKey(),
    broadcast: model.belongsTo(() => Broadcast, { mappedBy: "recipients" }),
    customer_id: model.text(),
    /** Email address or E.164 phone, copied when the audience was listed. */
    address: model.text(),
    status: model.enum([...RECIPIENT_STATUSES]).default("queued"),
    /**
     * The provider call this recipient was handed to. A queued row with a batch key
     * may have been delivered before a crash: it is sent again with the same key,
     * which the provider deduplicates, and never put into another batch.
     */
    batch_key: model.text().nullable(),
    provider_message_id: model.text().nullable(),
    attempts: model.number().default(0),
    last_error: model.text().nullable(),
    sent_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["broadcast_id", "customer_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["broadcast_id", "status", "batch_key"] },
  ])
