import { z } from "@medusajs/framework/zod"
import type { DeliveryStatus, InboundMessage, StatusUpdate } from "../../modules/concierge/service"

/**
 * The Cloud API's webhook delivery, as far as the concierge reads it:
 * `{ object: "whatsapp_business_account", entry: [{ changes: [{ field: "messages",
 * value: { contacts, messages, statuses } }] }] }`. Every level is a loose object:
 * Meta adds fields, and other fields' changes (`account_update`, ...) carry other values.
 * The webhook route refuses a delivery of another shape with 400; the worker reads
 * only what passed it.
 */
const WebhookMedia = z.looseObject({ id: z.string(), mime_type: z.string(), caption: z.string().optional() })

const WebhookMessage = z.looseObject({
  from: z.string(),
  id: z.string(),
  timestamp: z.string(),
  type: z.string(),
  text: z.looseObject({ body: z.string() }).optional(),
  image: WebhookMedia.optional(),
  document: WebhookMedia.extend({ filename: z.string().optional() }).optional(),
})

const WebhookStatus = z.looseObject({
  id: z.string(),
  status: z.string(),
  timestamp: z.string(),
  errors: z
    .array(
      z.looseObject({
        code: z.number().optional(),
        title: z.string().optional(),
        message: z.string().optional(),
        error_data: z.looseObject({ details: z.string().optional() }).optional(),
      })
    )
    .optional(),
})

export const WhatsAppWebhookPayload = z.looseObject({
  object: z.literal("whatsapp_business_account"),
  entry: z.array(
    z.looseObject({
      changes: z.array(
        z.looseObject({
          field: z.string(),
          value: z.looseObject({
            contacts: z.array(z.looseObject({ wa_id: z.string(), profile: z.looseObject({ name: z.string().optional() }).optional() })).optional(),
            messages: z.array(WebhookMessage).optional(),
            statuses: z.array(WebhookStatus).optional(),
          }),
        })
      ),
    })
  ),
})
export type WhatsAppWebhookPayloadType = z.infer<typeof WhatsAppWebhookPayload>
type WebhookMessage = z.infer<typeof WebhookMessage>
type WebhookStatus = z.infer<typeof WebhookStatus>

export type WhatsAppWebhookEvents = { messages: InboundMessage[]; statuses: StatusUpdate[] }

const DELIVERY_STATUSES: DeliveryStatus[] = ["sent", "delivered", "read", "failed"]

/** WhatsApp timestamps are Unix seconds as strings. */
const instantOf = (timestamp: string): Date => {
  const seconds = Number(timestamp)
  return Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000) : new Date()
}

function inboundOf(message: WebhookMessage, names: Map<string, string>): InboundMessage | undefined {
  if (!message.id || !/^\d{6,15}$/.test(message.from)) {
    return undefined
  }
  const base = {
    whatsapp_message_id: message.id,
    from: message.from,
    profile_name: names.get(message.from) ?? null,
    sent_at: instantOf(message.timestamp),
  }
  switch (message.type) {
    case "text":
      return { ...base, type: "text", text: message.text?.body ?? "" }
    case "image":
      return {
        ...base,
        type: "image",
        text: message.image?.caption ?? null,
        media_id: message.image?.id ?? null,
        media_mime_type: message.image?.mime_type ?? null,
      }
    case "document":
      return {
        ...base,
        type: "document",
        text: message.document?.caption ?? null,
        media_id: message.document?.id ?? null,
        media_mime_type: message.document?.mime_type ?? null,
        media_filename: message.document?.filename ?? null,
      }
    default:
      // Stickers, audio, locations...: kept so staff see the customer wrote, without content.
      return { ...base, type: "unsupported", text: `[${message.type} message]` }
  }
}

function statusOf(status: WebhookStatus): StatusUpdate | undefined {
  if (!status.id || !DELIVERY_STATUSES.includes(status.status as DeliveryStatus)) {
    return undefined
  }
  const problem = status.errors?.[0]
  const error = problem
    ? [problem.code, problem.title ?? problem.message, problem.error_data?.details].filter(Boolean).join(": ")
    : null
  return { whatsapp_message_id: status.id, status: status.status as DeliveryStatus, at: instantOf(status.timestamp), error }
}

/**
 * Inbound messages and status updates in a webhook delivery; other fields'
 * changes are ignored, and so is a payload that is not a delivery at all.
 */
export function readWhatsAppWebhook(payload: unknown): WhatsAppWebhookEvents {
  const events: WhatsAppWebhookEvents = { messages: [], statuses: [] }
  const parsed = WhatsAppWebhookPayload.safeParse(payload)
  if (!parsed.success) {
    return events
  }
  for (const { changes } of parsed.data.entry) {
    for (const { field, value } of changes) {
      if (field !== "messages") {
        continue
      }
      const names = new Map(
        (value.contacts ?? []).flatMap((contact) => (contact.profile?.name ? [[contact.wa_id, contact.profile.name] as const] : []))
      )
      for (const message of value.messages ?? []) {
        const inbound = inboundOf(message, names)
        if (inbound) {
          events.messages.push(inbound)
        }
      }
      for (const status of value.statuses ?? []) {
        const update = statusOf(status)
        if (update) {
          events.statuses.push(update)
        }
      }
    }
  }
  // Oldest first, so a conversation's last inbound time and order come out right.
  events.messages.sort((a, b) => a.sent_at.getTime() - b.sent_at.getTime())
  return events
}
