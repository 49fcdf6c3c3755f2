/** A signed WhatsApp webhook delivery, `{ payload }`, for the worker to store. */
export const WHATSAPP_WEBHOOK_RECEIVED = "concierge.whatsapp_webhook_received"

/** A conversation was opened (storefront escalation or a first WhatsApp message), `{ id }`. */
export const CONVERSATION_OPENED = "concierge_conversation.opened"
