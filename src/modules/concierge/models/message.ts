import { model } from "@medusajs/framework/utils"
import { ConciergeConversation } from "./conversation"

export const MESSAGE_TYPES = ["text", "image", "document", "template", "unsupported"] as const
export type MessageType = (typeof MESSAGE_TYPES)[number]

/**
 * Inbound messages are `received`; outbound ones go `queued` -> `sent` ->
 * `delivered` -> `read`, or `failed`, as WhatsApp's status updates arrive.
 */
export const MESSAGE_STATUSES = ["received", "queued", "sent", "delivered", "read", "failed"] as const
export type MessageStatus = (typeof MESSAGE_STATUSES)[number]

export const ConciergeMessage = model
  .define("concierge_message", {
    id: model.id({ prefix: "cmsg" }).primaryKey(),
    conversation: model.belongsTo(() => ConciergeConversation, { mappedBy: "messages" }),
    direction: model.enum(["inbound", "outbound"]),
    /** `storefront` for the escalation form's message, else `whatsapp`. */
    channel: model.enum(["storefront", "whatsapp"]),
    /** WhatsApp's message id (`wamid...`): an inbound message is stored once per id. */
    whatsapp_message_id: model.text().nullable(),
    type: model.enum([...MESSAGE_TYPES]),
    /** The text, or an image's or document's caption. */
    text: model.text().nullable(),
    /** The Cloud API media id of an image or document (fetch it with the access token). */
    media_id: model.text().nullable(),
    media_mime_type: model.text().nullable(),
    media_filename: model.text().nullable(),
    /** An outbound template: `{ name, language, variables }`. */
    template: model.json().nullable(),
    status: model.enum([...MESSAGE_STATUSES]),
    error: model.text().nullable(),
    /** The staff user who sent an outbound message. */
    author_id: model.text().nullable(),
    /** When the customer sent it (WhatsApp's timestamp) or when we sent it. */
    sent_at: model.dateTime(),
    delivered_at: model.dateTime().nullable(),
    read_at: model.dateTime().nullable(),
    failed_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["whatsapp_message_id"], unique: true, where: "whatsapp_message_id IS NOT NULL" },
    { on: ["conversation_id", "sent_at"] },
  ])
