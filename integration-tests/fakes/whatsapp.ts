import {
  asRecord,
  headerValue,
  HttpFake,
  randomString,
  startHttpFake,
  type FakeResponse,
} from "./http-fake"

export type SentWhatsApp = {
  id: string
  /** The recipient as given (digits, no `+`). */
  to: string
  type: "text" | "template"
  /** The text of a `text` message. */
  text?: string
  /** The template of a `template` message. */
  template?: { name: string; language: string; components?: unknown[] }
}

export interface FakeWhatsApp extends HttpFake {
  /** Every message accepted, in order. */
  readonly messages: SentWhatsApp[]
  /** The last message sent to `to` (with or without `+`), if any. */
  lastTo(to: string): SentWhatsApp | undefined
  /** How many distinct numbers got at least one message. */
  uniqueRecipientCount(): number
  /**
   * Messages to `to` are refused for good (HTTP 400, Meta code 131026 "Message
   * undeliverable"), or with the given code and message.
   */
  rejectNumber(to: string, error?: { code: number; message: string }): void
  /** A media file customers "sent": `GET /{version}/{id}` describes it, its `url` serves the bytes. */
  addMedia(id: string, media: { mime_type: string; bytes: Buffer }): void
}

type MetaError = {
  error: {
    message: string
    type: string
    code: number
    error_subcode?: number
    error_data?: { messaging_product: "whatsapp"; details: string }
    fbtrace_id: string
  }
}

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

const metaError = (code: number, message: string, details?: string, type = "OAuthException"): MetaError => ({
  error: {
    message,
    type,
    code,
    ...(details ? { error_data: { messaging_product: "whatsapp", details } } : {}),
    fbtrace_id: randomString(23, LETTERS),
  },
})

const errorResponse = (status: number, code: number, message: string, details?: string): FakeResponse => ({
  status,
  body: metaError(code, message, details),
})

/** Meta's error body for an injected failure (`failNext`). */
function injectedError(status: number): MetaError {
  if (status === 429) {
    return metaError(130429, "(#130429) Rate limit hit", "Cloud API message throughput has been reached.")
  }
  if (status >= 500) {
    return metaError(131000, "(#131000) Something went wrong", "Message failed to send because of an unknown error.")
  }
  return metaError(100, `(#100) Injected failure (HTTP ${status})`)
}

const digits = (to: string) => to.replace(/^\+/, "")

/**
 * WhatsApp Cloud API (Graph API) `POST /{version}/{phone_number_id}/messages`
 * with `Authorization: Bearer {accessToken}`, JSON `{ messaging_product:
 * "whatsapp", to, type: "text", text: { body } }` or `type: "template"`; answers
 * `{ messaging_product, contacts: [{ input, wa_id }], messages: [{ id: "wamid..." }] }`.
 * Errors in Meta's `{ error: { message, type, code, error_subcode?, fbtrace_id } }`.
 */
export async function startFakeWhatsApp({
  accessToken,
  phoneNumberId,
}: {
  accessToken: string
  phoneNumberId: string
}): Promise<FakeWhatsApp> {
  const messages: SentWhatsApp[] = []
  const rejected = new Map<string, { code: number; message: string }>()
  const media = new Map<string, { mime_type: string; bytes: Buffer }>()
  const mediaPath = /^\/v\d+\.\d+\/(\d+)$/
  const downloadPath = /^\/whatsapp-media\/(\d+)$/
  let baseUrl = ""
  const messagesPath = new RegExp(`^/v\\d+\\.\\d+/${phoneNumberId}/messages$`)

  const fake = await startHttpFake(
    (req) => {
      if (headerValue(req.headers, "authorization") !== `Bearer ${accessToken}`) {
        return errorResponse(401, 190, "Invalid OAuth access token - Cannot parse access token")
      }
      // Media: `GET /{version}/{media_id}` answers where to download it, with the same token.
      if (req.method === "GET" && (mediaPath.test(req.path) || downloadPath.test(req.path))) {
        const download = downloadPath.exec(req.path)
        const id = (download ?? mediaPath.exec(req.path))![1]
        const file = media.get(id)
        if (!file) {
          return errorResponse(404, 100, `(#100) Unsupported get request. Object with ID '${id}' does not exist`)
        }
        if (download) {
          return { status: 200, body: file.bytes, headers: { "content-type": file.mime_type } }
        }
        return {
          status: 200,
          body: {
            messaging_product: "whatsapp",
            url: `${baseUrl}/whatsapp-media/${id}`,
            mime_type: file.mime_type,
            sha256: "c2hh",
            file_size: file.bytes.length,
            id,
          },
        }
      }
      if (req.method !== "POST" || !messagesPath.test(req.path)) {
        return errorResponse(400, 100, `Unsupported post request. Object with ID '${req.path}' does not exist`)
      }
      const body = asRecord(req.body)
      if (body.messaging_product !== "whatsapp") {
        return errorResponse(400, 100, "(#100) The parameter messaging_product is required.")
      }
      const to = typeof body.to === "string" ? digits(body.to) : ""
      if (!/^\d{7,15}$/.test(to)) {
        return errorResponse(400, 100, "(#100) Invalid parameter", "The `to` field must be a phone number.")
      }
      const refusal = rejected.get(to)
      if (refusal) {
        return errorResponse(400, refusal.code, refusal.message)
      }
      let message: SentWhatsApp
      if (body.type === "text") {
        const text = asRecord(body.text).body
        if (typeof text !== "string" || !text) {
          return errorResponse(400, 100, "(#100) The parameter text['body'] is required.")
        }
        message = { id: "", to, type: "text", text }
      } else if (body.type === "template") {
        const template = asRecord(body.template)
        const language = asRecord(template.language).code
        if (typeof template.name !== "string" || typeof language !== "string") {
          return errorResponse(400, 100, "(#100) The parameter template['name'] and template['language'] are required.")
        }
        const components = Array.isArray(template.components) ? template.components : undefined
        message = { id: "", to, type: "template", template: { name: template.name, language, components } }
      } else {
        return errorResponse(400, 100, `(#100) Unsupported message type: ${String(body.type)}`)
      }
      message.id = `wamid.${Buffer.from(`${to}:${randomString(24, LETTERS)}`).toString("base64")}`
      messages.push(message)
      return {
        status: 200,
        body: {
          messaging_product: "whatsapp",
          contacts: [{ input: String(body.to), wa_id: to }],
          messages: [{ id: message.id, ...(message.type === "template" ? { message_status: "accepted" } : {}) }],
        },
      }
    },
    {
      errorBody: injectedError,
      onReset: () => {
        messages.splice(0)
        rejected.clear()
        media.clear()
      },
    }
  )
  baseUrl = fake.url
  return Object.assign(fake, {
    messages,
    lastTo: (to: string) => [...messages].reverse().find((m) => m.to === digits(to)),
    uniqueRecipientCount: () => new Set(messages.map((m) => m.to)).size,
    addMedia: (id: string, file: { mime_type: string; bytes: Buffer }) => {
      media.set(id, file)
    },
    rejectNumber: (to: string, error?: { code: number; message: string }) => {
      rejected.set(
        digits(to),
        error ?? { code: 131026, message: "(#131026) Message undeliverable" }
      )
    },
  })
}
