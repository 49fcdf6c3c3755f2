import { model } from "@medusajs/framework/utils"
import { ConciergeMessage } from "./message"

export const CONVERSATION_STATUSES = ["open", "pending", "resolved"] as const
/** `open`: waiting for staff; `pending`: staff replied, waiting for the customer; `resolved`: closed until the customer writes again. */
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number]

export const ConciergeConversation = model
  .define("concierge_conversation", {
    id: model.id({ prefix: "conv" }).primaryKey(),
    /** Short code the customer quotes in WhatsApp, e.g. `CN-7K3QX9`. */
    reference: model.text(),
    /** E.164, as given on the escalation form or as WhatsApp reported the sender. */
    customer_phone: model.text(),
    /** The sender's WhatsApp id (digits) once the customer has written from WhatsApp; replies go there. */
    whatsapp_id: model.text().nullable(),
    /** The name on the customer's WhatsApp profile. */
    profile_name: model.text().nullable(),
    customer_id: model.text().nullable(),
    cart_id: model.text().nullable(),
    order_id: model.text().nullable(),
    topic: model.text().nullable(),
    /** Where the conversation began: the storefront escalation form or a WhatsApp message. */
    origin: model.enum(["storefront", "whatsapp"]),
    status: model.enum([...CONVERSATION_STATUSES]).default("open"),
    /** The staff user handling it. */
    assignee_id: model.text().nullable(),
    first_response_due_at: model.dateTime().nullable(),
    first_responded_at: model.dateTime().nullable(),
    /** The customer's last WhatsApp message: free-text replies are allowed for 24 hours after it. */
    last_inbound_at: model.dateTime().nullable(),
    last_outbound_at: model.dateTime().nullable(),
    /** Newest activity either way; the inbox sorts by it. */
    last_message_at: model.dateTime(),
    /** Customer messages staff have not read yet. */
    unread_count: model.number().default(0),
    resolved_at: model.dateTime().nullable(),
    messages: model.hasMany(() => ConciergeMessage, { mappedBy: "conversation" }),
  })
  .indexes([
    { on: ["reference"], unique: true },
    { on: ["customer_phone", "status"] },
    { on: ["status", "last_message_at"] },
    { on: ["customer_id"] },
    { on: ["order_id"] },
  ])
  .cascades({ delete: ["messages"] })
