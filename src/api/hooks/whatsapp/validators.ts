import { z } from "@medusajs/framework/zod"

/**
 * Meta's verification request: `?hub.mode=subscribe&hub.verify_token=...&hub.challenge=...`.
 * Medusa's query parser reads the dotted names as `{ hub: { mode, ... } }`.
 */
export const GetWhatsAppWebhookParams = z.preprocess(
  (query) => {
    const hub = (query as { hub?: Record<string, unknown> } | undefined)?.hub
    return hub && typeof hub === "object"
      ? { "hub.mode": hub.mode, "hub.verify_token": hub.verify_token, "hub.challenge": hub.challenge }
      : query
  },
  z.object({
    "hub.mode": z.literal("subscribe"),
    "hub.verify_token": z.string().min(1),
    "hub.challenge": z.string().min(1).max(256),
  })
)
export type GetWhatsAppWebhookParamsType = z.infer<typeof GetWhatsAppWebhookParams>

/** A signed Cloud API delivery: the envelope the concierge reads, unknown fields allowed. */
export { WhatsAppWebhookPayload as PostWhatsAppWebhook } from "../../../lib/concierge/whatsapp-webhook"
export type { WhatsAppWebhookPayloadType as PostWhatsAppWebhookType } from "../../../lib/concierge/whatsapp-webhook"
