import { createHmac, randomBytes } from "node:crypto"

/**
 * Deliveries as the WhatsApp Cloud API posts them to a webhook: JSON
 * `{ object: "whatsapp_business_account", entry: [{ id, changes: [{ field:
 * "messages", value: { messaging_product, metadata, contacts?, messages?,
 * statuses? } }] }] }`, signed with `X-Hub-Signature-256: sha256=<HMAC-SHA256
 * of the raw body keyed with the app secret>`.
 */

export const WABA_ID = "102290129340398"

type Metadata = { display_phone_number: string; phone_number_id: string }

export type InboundText = { type: "text"; text: string }
export type InboundImage = { type: "image"; media_id: string; mime_type: string; caption?: string }
export type InboundDocument = { type: "document"; media_id: string; mime_type: string; filename: string; caption?: string }

export type InboundInput = (InboundText | InboundImage | InboundDocument) & {
  /** Sender's number, digits only (WhatsApp's `wa_id`). */
  from: string
  name?: string
  id?: string
  /** When the customer sent it; default now. */
  at?: Date
}

export type StatusInput = {
  /** Our outbound message's `wamid`. */
  id: string
  status: "sent" | "delivered" | "read" | "failed"
  recipient: string
  at?: Date
  error?: { code: number; title: string; details?: string }
}

export const newWamid = () => `wamid.HBgN${randomBytes(18).toString("base64url")}`

const unix = (at = new Date()) => String(Math.floor(at.getTime() / 1000))

const envelope = (metadata: Metadata, value: Record<string, unknown>) => ({
  object: "whatsapp_business_account",
  entry: [
    {
      id: WABA_ID,
      changes: [{ field: "messages", value: { messaging_product: "whatsapp", metadata, ...value } }],
    },
  ],
})

function messageOf(input: InboundInput & { id: string }) {
  const base = { from: input.from, id: input.id, timestamp: unix(input.at), type: input.type }
  switch (input.type) {
    case "text":
      return { ...base, text: { body: input.text } }
    case "image":
      return {
        ...base,
        image: { id: input.media_id, mime_type: input.mime_type, sha256: "c2hh", ...(input.caption ? { caption: input.caption } : {}) },
      }
    case "document":
      return {
        ...base,
        document: {
          id: input.media_id,
          mime_type: input.mime_type,
          sha256: "c2hh",
          filename: input.filename,
          ...(input.caption ? { caption: input.caption } : {}),
        },
      }
  }
}

export type WhatsAppWebhooks = {
  /** A delivery with one or more customer messages (ids filled in when not given). */
  inbound(...messages: InboundInput[]): { payload: object; ids: string[] }
  /** A delivery with status updates for messages we sent. */
  statuses(...statuses: StatusInput[]): object
  /** The raw body and headers Meta would send for `payload`, signed with `secret` (default: the app secret). */
  signed(payload: object, secret?: string): { body: string; headers: Record<string, string> }
}

export function whatsAppWebhooks({
  appSecret,
  businessNumber,
  phoneNumberId,
}: {
  appSecret: string
  businessNumber: string
  phoneNumberId: string
}): WhatsAppWebhooks {
  const metadata = { display_phone_number: businessNumber.replace(/\D/g, ""), phone_number_id: phoneNumberId }
  return {
    inbound: (...messages) => {
      const withIds = messages.map((message) => ({ ...message, id: message.id ?? newWamid() }))
      const contacts = [...new Map(withIds.map((m) => [m.from, { profile: { name: m.name ?? "WhatsApp User" }, wa_id: m.from }])).values()]
      return { payload: envelope(metadata, { contacts, messages: withIds.map(messageOf) }), ids: withIds.map((m) => m.id) }
    },
    statuses: (...statuses) =>
      envelope(metadata, {
        statuses: statuses.map((status) => ({
          id: status.id,
          status: status.status,
          timestamp: unix(status.at),
          recipient_id: status.recipient,
          ...(status.status === "failed" && status.error
            ? {
                errors: [
                  {
                    code: status.error.code,
                    title: status.error.title,
                    message: status.error.title,
                    error_data: { details: status.error.details ?? status.error.title },
                  },
                ],
              }
            : {}),
        })),
      }),
    signed: (payload, secret = appSecret) => {
      const body = JSON.stringify(payload)
      const signature = createHmac("sha256", secret).update(body).digest("hex")
      return { body, headers: { "content-type": "application/json", "x-hub-signature-256": `sha256=${signature}` } }
    },
  }
}
