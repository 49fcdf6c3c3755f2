import type { RetryOptions } from "../../lib/http/retry"

export type WhatsAppClientOptions = {
  /** A system-user access token (Bearer). */
  accessToken: string
  /** The business phone number's id in the Cloud API (not the number itself). */
  phoneNumberId: string
  /** `https://graph.facebook.com` when unset; a loopback fake in tests. */
  apiBase?: string
  /** Graph API version in the path, default `v21.0`. */
  apiVersion?: string
  retry?: RetryOptions
  timeoutMs?: number
}

/** A template parameter: `{ type: "text", text }`, or currency/date_time/media ones. */
export type WhatsAppTemplateParameter = {
  type: string
  text?: string
  parameter_name?: string
  [key: string]: unknown
}

export type WhatsAppTemplateComponent = {
  type: "header" | "body" | "button" | "footer"
  sub_type?: string
  index?: string | number
  parameters?: WhatsAppTemplateParameter[]
}

/** An approved message template, needed to message a customer outside the 24 h window. */
export type WhatsAppTemplate = {
  name: string
  /** e.g. `en`, `en_US`. */
  language: string
  components?: WhatsAppTemplateComponent[]
}

export type WhatsAppTextMessage = {
  type: "text"
  text: { body: string; preview_url?: boolean }
}

export type WhatsAppTemplateMessage = {
  type: "template"
  template: {
    name: string
    language: { code: string }
    components?: WhatsAppTemplateComponent[]
  }
}

/** The message part of `POST /{phone_number_id}/messages` this client sends. */
export type WhatsAppOutgoingMessage = WhatsAppTextMessage | WhatsAppTemplateMessage

export type WhatsAppSendResponse = {
  messaging_product: "whatsapp"
  contacts?: { input: string; wa_id: string }[]
  messages: { id: string; message_status?: string }[]
}

/** Meta's Graph API error body. */
export type WhatsAppErrorBody = {
  error: {
    message: string
    type?: string
    code?: number
    error_subcode?: number
    error_data?: { messaging_product?: string; details?: string }
    fbtrace_id?: string
  }
}

/** `GET /{media_id}`: where to download a customer's file (the URL lives a few minutes). */
export type WhatsAppMediaInfo = {
  messaging_product: "whatsapp"
  url: string
  mime_type: string
  sha256?: string
  file_size?: number
  id: string
}
