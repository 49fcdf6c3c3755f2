import { MedusaError } from "@medusajs/framework/utils"
import twilio from "twilio"
import type RequestClient from "twilio/lib/base/RequestClient"
import type TwilioResponse from "twilio/lib/http/response"
import {
  isTransientStatus,
  retryableForStatus,
  RetryableError,
  withRetry,
  type RetryOptions,
} from "../../lib/http/retry"

const REQUEST_TIMEOUT_MS = 15_000

export type TwilioClientOptions = {
  accountSid: string
  authToken: string
  /** Sender: an E.164 number, or a Messaging Service SID (`MG...`). */
  from: string
  /** `https://api.twilio.com` when unset; a loopback fake in tests. */
  apiBase?: string
  retry?: RetryOptions
  timeoutMs?: number
}

export type TwilioMessage = { sid: string; status: string }

/** Twilio refused the message for good, e.g. 21211 (invalid `To` number). */
export class TwilioApiError extends MedusaError {
  readonly status: number
  /** Twilio's error code, e.g. 21211; see `moreInfo`. */
  readonly vendorCode?: number
  readonly moreInfo?: string

  constructor(error: { status: number; message: string; code?: number; moreInfo?: string }) {
    super(MedusaError.Types.INVALID_DATA, error.message)
    this.status = error.status
    this.vendorCode = error.code
    this.moreInfo = error.moreInfo
  }
}

/**
 * The SDK's HTTP client, sending to `apiBase` instead of Twilio's hosts when set,
 * and turning 429/5xx answers and network errors into `RetryableError` (the SDK's
 * own exception drops `Retry-After`). Other 4xx answers go back to the SDK,
 * which throws its `RestException` with Twilio's code and message.
 */
class TwilioHttpClient extends twilio.RequestClient {
  constructor(
    private readonly apiBase: string | undefined,
    timeoutMs: number
  ) {
    super({ timeout: timeoutMs, autoRetry: false })
  }

  async request<TData>(opts: RequestClient.RequestOptions<TData>): Promise<TwilioResponse<TData>> {
    const uri = this.rebase(opts.uri)
    let response: TwilioResponse<TData>
    try {
      response = await super.request<TData>({ ...opts, uri })
    } catch (error) {
      throw new RetryableError(
        `Twilio could not be reached: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error }
      )
    }
    if (isTransientStatus(response.statusCode)) {
      const headers: Record<string, unknown> = response.headers ?? {}
      const retryAfter = headers["retry-after"]
      throw retryableForStatus(
        response.statusCode,
        `Twilio answered ${response.statusCode}: ${messageOf(response.body)}`,
        typeof retryAfter === "string" ? retryAfter : undefined
      )
    }
    return response
  }

  private rebase(uri: string): string {
    if (!this.apiBase) {
      return uri
    }
    const url = new URL(uri)
    return `${this.apiBase.replace(/\/+$/, "")}${url.pathname}${url.search}`
  }
}

function messageOf(body: unknown): string {
  const parsed = typeof body === "string" ? safeJson(body) : body
  if (typeof parsed === "object" && parsed !== null && "message" in parsed && typeof parsed.message === "string") {
    return parsed.message
  }
  return "no message"
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

/**
 * The SDK's exception for a refused request (`RestException`, or the RFC 9457
 * `TwilioServiceException` of newer APIs), both carrying `status` and `code`.
 */
function toApiError(error: unknown): TwilioApiError | undefined {
  if (!(error instanceof Error) || !("status" in error) || typeof error.status !== "number") {
    return undefined
  }
  return new TwilioApiError({
    status: error.status,
    message: error.message,
    code: "code" in error && typeof error.code === "number" ? error.code : undefined,
    moreInfo: "moreInfo" in error && typeof error.moreInfo === "string" ? error.moreInfo : undefined,
  })
}

/** Twilio's SDK for SMS with this project's retry policy (the SDK's own retry is off). */
export class TwilioSmsClient {
  readonly sdk: twilio.Twilio

  constructor(private readonly options: TwilioClientOptions) {
    this.sdk = twilio(options.accountSid, options.authToken, {
      autoRetry: false,
      httpClient: new TwilioHttpClient(options.apiBase, options.timeoutMs ?? REQUEST_TIMEOUT_MS),
    })
  }

  /**
   * Sends one SMS; 429, 5xx and network errors are retried. Twilio takes no
   * idempotency key, so a timeout after Twilio accepted the message can, rarely,
   * send it twice.
   */
  async sendSms(to: string, body: string): Promise<TwilioMessage> {
    const { from } = this.options
    const sender = /^MG[0-9a-f]{32}$/i.test(from) ? { messagingServiceSid: from } : { from }
    return withRetry(async () => {
      try {
        const message = await this.sdk.messages.create({ to, body, ...sender })
        return { sid: message.sid, status: message.status }
      } catch (error) {
        throw error instanceof RetryableError ? error : (toApiError(error) ?? error)
      }
    }, this.options.retry)
  }
}
