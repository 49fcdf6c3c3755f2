import { MedusaError } from "@medusajs/framework/utils"
import { Resend, type ErrorResponse } from "resend"
import {
  retryableForStatus,
  RetryableError,
  withRetry,
  type RetryOptions,
} from "../../lib/http/retry"

const REQUEST_TIMEOUT_MS = 15_000

/** Most emails Resend's batch endpoint takes in one call. */
export const RESEND_BATCH_LIMIT = 100

export type ResendClientOptions = {
  apiKey: string
  /** Resend's API when unset; a loopback fake in tests. */
  apiBase?: string
  retry?: RetryOptions
  timeoutMs?: number
}

export type ResendEmail = {
  from: string
  to: string
  subject: string
  text: string
  html?: string
  /** Extra headers, e.g. `List-Unsubscribe`. */
  headers?: Record<string, string>
}

/** One entry per email of a batch, in order. */
export type ResendBatchResult = { id: string } | { error: string }

/** Resend refused the request for good (a 4xx other than 429): retrying will not help. */
export class ResendApiError extends MedusaError {
  readonly status?: number
  /** Resend's error name, e.g. `validation_error`. */
  readonly vendorCode: string

  constructor(error: ErrorResponse) {
    super(MedusaError.Types.INVALID_DATA, error.message)
    this.status = error.statusCode ?? undefined
    this.vendorCode = error.name
  }
}

// Resend's documented status for each error name, for bodies that leave `statusCode` out.
const STATUS_BY_NAME: Partial<Record<ErrorResponse["name"], number>> = {
  validation_error: 422,
  missing_required_field: 422,
  invalid_parameter: 422,
  invalid_from_address: 422,
  invalid_attachment: 422,
  invalid_idempotency_key: 400,
  missing_api_key: 401,
  restricted_api_key: 401,
  invalid_api_key: 403,
  invalid_access: 422,
  not_found: 404,
  method_not_allowed: 405,
  invalid_idempotent_request: 409,
  concurrent_idempotent_requests: 409,
  rate_limit_exceeded: 429,
  daily_quota_exceeded: 429,
  monthly_quota_exceeded: 429,
  security_error: 451,
  application_error: 500,
  internal_server_error: 500,
}

/**
 * The SDK answers `{ data, error, headers }` instead of throwing: a network error
 * or timeout is `application_error` with `statusCode: null`, an HTTP error keeps
 * Resend's body. Transient ones become `RetryableError` (with `Retry-After`).
 */
function toError(error: ErrorResponse, headers: Record<string, string> | null): Error {
  const status = error.statusCode ?? STATUS_BY_NAME[error.name]
  if (error.statusCode === null && error.name === "application_error") {
    return new RetryableError(`Resend could not be reached: ${error.message}`)
  }
  // The original request with this key is still running: ask again shortly.
  if (error.name === "concurrent_idempotent_requests") {
    return new RetryableError(error.message, { status })
  }
  const transient =
    status === undefined
      ? undefined
      : retryableForStatus(status, `Resend answered ${status}: ${error.message}`, headers?.["retry-after"])
  return transient ?? new ResendApiError(error)
}

/**
 * Resend's SDK with this project's retry policy. Every call carries an
 * idempotency key when given, so a retried request does not send twice.
 */
export class ResendClient {
  readonly sdk: Resend

  constructor(private readonly options: ResendClientOptions) {
    this.sdk = new Resend(options.apiKey, options.apiBase ? { baseUrl: options.apiBase } : undefined)
  }

  /** Sends one email; answers Resend's id. */
  async sendEmail(email: ResendEmail, idempotencyKey?: string): Promise<string> {
    return withRetry(async () => {
      const { data, error, headers } = await this.sdk.emails.send(toPayload(email), {
        idempotencyKey,
        signal: this.timeout(),
      })
      if (error) {
        throw toError(error, headers)
      }
      if (!data?.id) {
        throw new RetryableError("Resend answered without an email id")
      }
      return data.id
    }, this.options.retry)
  }

  /**
   * Sends up to 100 emails in one call with permissive validation: an invalid
   * email gets its own `{ error }` and the others are still sent. The key covers
   * the whole batch: the same key with the same emails is delivered once.
   */
  async sendBatch(emails: ResendEmail[], idempotencyKey: string): Promise<ResendBatchResult[]> {
    if (emails.length > RESEND_BATCH_LIMIT) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Resend takes at most ${RESEND_BATCH_LIMIT} emails per batch, got ${emails.length}`
      )
    }
    if (!emails.length) {
      return []
    }
    const response = await withRetry(async () => {
      const { data, error, headers } = await this.sdk.batch.send(emails.map(toPayload), {
        idempotencyKey,
        batchValidation: "permissive",
        signal: this.timeout(),
      })
      if (error) {
        throw toError(error, headers)
      }
      if (!data) {
        throw new RetryableError("Resend answered the batch without data")
      }
      return data
    }, this.options.retry)

    // `data` lists the created emails in order; `errors` names the others by index.
    const failures = new Map((response.errors ?? []).map((e) => [e.index, e.message]))
    const ids = response.data.map((entry) => entry.id)
    let next = 0
    return emails.map((_email, index) => {
      const failure = failures.get(index)
      if (failure !== undefined) {
        return { error: failure }
      }
      const id = ids[next++]
      return id ? { id } : { error: "Resend returned no id for this email" }
    })
  }

  private timeout(): AbortSignal {
    return AbortSignal.timeout(this.options.timeoutMs ?? REQUEST_TIMEOUT_MS)
  }
}

function toPayload(email: ResendEmail) {
  return {
    from: email.from,
    to: [email.to],
    subject: email.subject,
    text: email.text,
    ...(email.html ? { html: email.html } : {}),
    ...(email.headers && Object.keys(email.headers).length ? { headers: email.headers } : {}),
  }
}
