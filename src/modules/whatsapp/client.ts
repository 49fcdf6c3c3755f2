import { MedusaError } from "@medusajs/framework/utils"
import {
  isNetworkError,
  retryableForStatus,
  RetryableError,
  withRetry,
} from "../../lib/http/retry"
import type {
  WhatsAppClientOptions,
  WhatsAppErrorBody,
  WhatsAppMediaInfo,
  WhatsAppOutgoingMessage,
  WhatsAppSendResponse,
  WhatsAppTemplateComponent,
} from "./types"

const REQUEST_TIMEOUT_MS = 15_000
const DEFAULT_API_BASE = "https://graph.facebook.com"
const DEFAULT_API_VERSION = "v21.0"

/**
 * Meta codes that mean "not now" even when the HTTP status is 400: throttling
 * (4, 80007, 130429), the per-recipient pair rate (131056), and temporary
 * service errors (1, 2, 131000, 131016).
 */
const TRANSIENT_CODES = new Set([1, 2, 4, 80007, 130429, 131000, 131016, 131056])

/** The Cloud API refused the message for good; `vendorCode` is Meta's code (e.g. 131047: outside the 24 h window). */
export class WhatsAppApiError extends MedusaError {
  readonly status: number
  readonly vendorCode?: number
  readonly subcode?: number
  readonly errorType?: string
  readonly fbtraceId?: string
  /** Meta's longer explanation (`error_data.details`), when given. */
  readonly details?: string

  constructor(status: number, error: WhatsAppErrorBody["error"]) {
    super(MedusaError.Types.INVALID_DATA, error.message)
    this.status = status
    this.vendorCode = error.code
    this.subcode = error.error_subcode
    this.errorType = error.type
    this.fbtraceId = error.fbtrace_id
    this.details = error.error_data?.details
  }
}

/**
 * A small typed client for the WhatsApp Cloud API's messages endpoint:
 * `POST {base}/{version}/{phone_number_id}/messages` with a Bearer token.
 * 429, 5xx, Meta's throttling codes and network errors are retried.
 */
export class WhatsAppCloudClient {
  private readonly base: string
  private readonly version: string

  constructor(private readonly options: WhatsAppClientOptions) {
    this.base = (options.apiBase ?? DEFAULT_API_BASE).replace(/\/+$/, "")
    this.version = options.apiVersion ?? DEFAULT_API_VERSION
  }

  /** A free-form text message (inside the 24 h customer service window). Answers the `wamid`. */
  sendText(to: string, body: string, { previewUrl }: { previewUrl?: boolean } = {}): Promise<string> {
    return this.sendMessage(to, {
      type: "text",
      text: previewUrl === undefined ? { body } : { body, preview_url: previewUrl },
    })
  }

  /** An approved template message (works outside the 24 h window). Answers the `wamid`. */
  sendTemplate(
    to: string,
    name: string,
    languageCode: string,
    components?: WhatsAppTemplateComponent[]
  ): Promise<string> {
    return this.sendMessage(to, {
      type: "template",
      template: {
        name,
        language: { code: languageCode },
        ...(components?.length ? { components } : {}),
      },
    })
  }

  /** Sends any supported message to `to` (E.164, with or without `+`). Answers the `wamid`. */
  async sendMessage(to: string, message: WhatsAppOutgoingMessage): Promise<string> {
    const response = await this.post<WhatsAppSendResponse>(`/${this.options.phoneNumberId}/messages`, {
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: to.replace(/^\+/, ""),
      ...message,
    })
    const id = response.messages?.[0]?.id
    if (!id) {
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "WhatsApp answered without a message id")
    }
    return id
  }

  /**
   * A file a customer sent (image, document): `GET /{media_id}` gives a
   * short-lived URL, which is downloaded with the same token.
   */
  async downloadMedia(mediaId: string): Promise<{ mime_type: string; bytes: Buffer }> {
    const { url, mime_type } = await withRetry(
      () => this.request<WhatsAppMediaInfo>(`${this.base}/${this.version}/${encodeURIComponent(mediaId)}`),
      this.options.retry
    )
    const bytes = await withRetry(() => this.request<Buffer>(url, undefined, "bytes"), this.options.retry)
    return { mime_type, bytes }
  }

  private post<T>(path: string, body: unknown): Promise<T> {
    return withRetry(() => this.request<T>(`${this.base}/${this.version}${path}`, body), this.options.retry)
  }

  /** A POST with a JSON body, or a GET without one; answers JSON, or the bytes with `as: "bytes"`. */
  private async request<T>(url: string, body?: unknown, as: "json" | "bytes" = "json"): Promise<T> {
    let response: Response
    try {
      response = await fetch(url, {
        method: body === undefined ? "GET" : "POST",
        headers: {
          authorization: `Bearer ${this.options.accessToken}`,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? REQUEST_TIMEOUT_MS),
      })
    } catch (error) {
      if (isNetworkError(error)) {
        throw new RetryableError(
          `WhatsApp could not be reached: ${error instanceof Error ? error.message : String(error)}`,
          { cause: error }
        )
      }
      throw error
    }
    if (response.ok && as === "bytes") {
      return Buffer.from(await response.arrayBuffer()) as T
    }
    const payload: unknown = await response.json().catch(() => null)
    if (response.ok) {
      return payload as T
    }
    const error = errorOf(payload, response)
    const message = `WhatsApp answered ${response.status}: ${error.message}`
    const transient =
      retryableForStatus(response.status, message, response.headers.get("retry-after")) ??
      (error.code !== undefined && TRANSIENT_CODES.has(error.code)
        ? new RetryableError(message, { status: response.status })
        : undefined)
    throw transient ?? new WhatsAppApiError(response.status, error)
  }
}

function errorOf(payload: unknown, response: Response): WhatsAppErrorBody["error"] {
  if (typeof payload === "object" && payload !== null && "error" in payload) {
    const { error } = payload as WhatsAppErrorBody
    if (typeof error?.message === "string") {
      return error
    }
  }
  return { message: `HTTP ${response.status} ${response.statusText}`.trim() }
}
