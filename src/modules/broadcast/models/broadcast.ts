import { model } from "@medusajs/framework/utils"
import { NOTIFICATION_CHANNELS } from "../../../lib/notifications/types"
import { BroadcastRecipient } from "./broadcast-recipient"

export const BROADCAST_STATUSES = ["draft", "scheduled", "sending", "sent", "cancelled", "failed"] as const
export type BroadcastStatus = (typeof BROADCAST_STATUSES)[number]

export const Broadcast = model
  .define("broadcast", {
    id: model.id({ prefix: "bcast" }).primaryKey(),
    name: model.text(),
    channel: model.enum([...NOTIFICATION_CHANNELS]),
    /** Email only. */
    subject: model.text().nullable(),
    /** Message template; `{{first_name}}`, `{{last_name}}` and `{{email}}` are filled per recipient. */
    body: model.text(),
    /** Who receives it, see `BroadcastAudience`; always narrowed to customers opted in to the channel. */
    audience: model.json(),
    scheduled_at: model.dateTime().nullable(),
    status: model.enum([...BROADCAST_STATUSES]).default("draft"),
    /** Set once every recipient row exists; sending only starts after that. */
    recipients_listed_at: model.dateTime().nullable(),
    started_at: model.dateTime().nullable(),
    completed_at: model.dateTime().nullable(),
    cancelled_at: model.dateTime().nullable(),
    last_error: model.text().nullable(),
    created_by: model.text().nullable(),
    recipients: model.hasMany(() => BroadcastRecipient, { mappedBy: "broadcast" }),
  })
  .indexes([{ on: ["status", "scheduled_at"] }])
  .cascades({ delete: ["recipients"] })
