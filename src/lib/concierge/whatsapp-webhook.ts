import type { DeliveryStatus, InboundMessage, StatusUpdate } from "../../modules/concierge/service"

/**
 * The parts of the Cloud API's webhook payload the concierge reads:
 * `{ object: "whatsapp_business_account", entry: [{ changes: [{ field: "messages",
 * value: { contacts, messages, statuses } }] }] }`.
 */
type WebhookMessage = {
  from?: string
  id?: string
  timestamp?: string
  type?: string
  text?: { body?: string }
  image?: { id?: string; mime_type?: string; caption?: string }
  document?: { id?: string; mime_type?: string; caption?: string; filename?: string }
}

type WebhookStatus = {
  id?: string
  status?: string
  timestamp?: string
  errors?: { code?: number; title?: string; message?: string; error_data?: { details?: string } }[]
}

type WebhookValue = {
  contacts?: { wa_id?: string; profile?: { name?: string } }[]
  messages?: WebhookMessage[]
  statuses?: WebhookStatus[]
}

export type WhatsAppWebhookEvents = { messages: InboundMessage[]; statuses: StatusUpdate[] }

const DELIVERY_STATUSES: DeliveryStatus[] = ["sent", "delivered", "read", "failed"]

const asArray = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : [])

/** WhatsApp timestamps are Unix seconds as strings. */
const instantOf = (timestamp: string | undefined): Date => {
  const seconds = Number(timestamp)
  return Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000) : new Date()
}

function inboundOf(message: WebhookMessage, names: Map<string, string>): InboundMessage | undefined {
  if (!message.id || !message.from || !/^\d{6,15}$/.test(message.from)) {
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
      return { ...base, type: "unsupported", text: `[${message.type ?? "unknown"} message]` }
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

/** Inbound messages and status updates in a webhook delivery; anything else in it is ignored. */
export function readWhatsAppWebhook(payload: unknown): WhatsAppWebhookEvents {
  const events: WhatsAppWebhookEvents = { messages: [], statuses: [] }
  const body = (payload ?? {}) as { object?: string; entry?: unknown }
  if (body.object !== "whatsapp_business_account") {
    return events
  }
  for (const entry of asArray<{ changes?: unknown }>(body.entry)) {
    for (const change of asArray<{ field?: string; value?: WebhookValue }>(entry?.changes)) {
      if (change?.field !== "messages" || !change.value) {
        continue
      }
      const names = new Map(
        asArray<{ wa_id?: string; profile?: { name?: string } }>(change.value.contacts).flatMap((contact) =>
          contact?.wa_id && contact.profile?.name ? [[contact.wa_id, contact.profile.name] as const] : []
        )
      )
      for (const message of asArray<WebhookMessage>(change.value.messages)) {
        const inbound = inboundOf(message, names)
        if (inbound) {
          events.messages.push(inbound)
        }
      }
      for (const status of asArray<WebhookStatus>(change.value.statuses)) {
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
