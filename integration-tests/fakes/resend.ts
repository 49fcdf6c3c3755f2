import { createHash, randomUUID } from "node:crypto"
import {
  asRecord,
  headerValue,
  HttpFake,
  startHttpFake,
  type FakeResponse,
  type RecordedRequest,
} from "./http-fake"

export type SentEmail = {
  id: string
  from: string
  to: string[]
  subject: string
  text?: string
  html?: string
  /** Custom headers given with the email, e.g. `List-Unsubscribe`. */
  headers?: Record<string, string>
  idempotency_key?: string
  /** Which endpoint took it. */
  via: "emails" | "batch"
}

export interface FakeResend extends HttpFake {
  /** Every email delivered, in order (a replayed idempotent request adds none). */
  readonly emails: SentEmail[]
  /** The last email sent to `address`, if any. */
  lastTo(address: string): SentEmail | undefined
  /** How many distinct addresses got at least one email. */
  uniqueRecipientCount(): number
  /**
   * Emails to `address` are refused for good with a 422 `validation_error`
   * (the whole batch in strict mode, that email only in permissive mode).
   */
  rejectAddress(address: string, message?: string): void
  /** Undoes `rejectAddress`: the address is accepted again. */
  acceptAddress(address: string): void
}

/** Most emails `POST /emails/batch` takes. */
export const RESEND_FAKE_BATCH_LIMIT = 100

const EMAIL_PATTERN = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/

type ResendError = { statusCode: number; name: string; message: string }

const errorResponse = (statusCode: number, name: string, message: string): FakeResponse => ({
  status: statusCode,
  body: { statusCode, name, message } satisfies ResendError,
})

/** Resend's error body for an injected failure (`failNext`). */
function injectedError(status: number): ResendError {
  if (status === 429) {
    return {
      statusCode: 429,
      name: "rate_limit_exceeded",
      message: "Too many requests. You can only make 2 requests per second.",
    }
  }
  if (status >= 500) {
    return { statusCode: status, name: "internal_server_error", message: "An unexpected error occurred." }
  }
  return { statusCode: status, name: "validation_error", message: `Injected failure (HTTP ${status})` }
}

/** `"Name <a@b.c>"` -> `a@b.c`. */
const bareAddress = (value: string) => value.match(/<([^>]+)>\s*$/)?.[1] ?? value.trim()

/**
 * Resend's email API: Bearer API key; errors as `{ statusCode, name, message }`.
 * - `POST /emails` `{ from, to, subject, html?, text?, headers? }` -> `{ id }`
 * - `POST /emails/batch` `[email, ...]` (1..100) -> `{ data: [{ id }] }`;
 *   with `x-batch-validation: permissive`, invalid emails are left out of `data`
 *   and listed in `errors: [{ index, message }]`, the others are sent; in strict
 *   mode (default) one invalid email fails the whole batch with a 422.
 * `Idempotency-Key` replays the first answer for the same payload (nothing is
 * sent again) and answers 409 for a different payload with the same key.
 */
export async function startFakeResend({ apiKey }: { apiKey: string }): Promise<FakeResend> {
  const emails: SentEmail[] = []
  const rejected = new Map<string, string>()
  const idempotent = new Map<string, { fingerprint: string; response: FakeResponse }>()

  /** Why Resend would refuse this email, or `undefined` when it is valid. */
  const invalidReason = (value: unknown): string | undefined => {
    const body = asRecord(value)
    const to = Array.isArray(body.to) ? body.to.map(String) : body.to === undefined ? [] : [String(body.to)]
    if (typeof body.from !== "string" || !body.from) {
      return "The `from` field is missing."
    }
    if (!to.length || !to[0]) {
      return "The `to` field is missing."
    }
    if (typeof body.subject !== "string" || !body.subject) {
      return "The `subject` field is missing."
    }
    if (typeof body.text !== "string" && typeof body.html !== "string") {
      return "Either `html` or `text` is required."
    }
    for (const address of to.map(bareAddress)) {
      if (!EMAIL_PATTERN.test(address)) {
        return `Invalid \`to\` field. The email address needs to follow the \`email@example.com\` format: ${address}`
      }
      const reason = rejected.get(address.toLowerCase())
      if (reason) {
        return reason
      }
    }
    return undefined
  }

  const deliver = (value: unknown, via: SentEmail["via"], idempotencyKey?: string): SentEmail => {
    const body = asRecord(value)
    const headers = asRecord(body.headers)
    const email: SentEmail = {
      id: randomUUID(),
      from: String(body.from),
      to: Array.isArray(body.to) ? body.to.map(String) : [String(body.to)],
      subject: String(body.subject),
      text: typeof body.text === "string" ? body.text : undefined,
      html: typeof body.html === "string" ? body.html : undefined,
      headers: Object.keys(headers).length
        ? Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, String(v)]))
        : undefined,
      idempotency_key: idempotencyKey,
      via,
    }
    emails.push(email)
    return email
  }

  const sendOne = (req: RecordedRequest, idempotencyKey?: string): FakeResponse => {
    const reason = invalidReason(req.body)
    if (reason) {
      return errorResponse(422, "validation_error", reason)
    }
    return { status: 200, body: { id: deliver(req.body, "emails", idempotencyKey).id } }
  }

  const sendBatch = (req: RecordedRequest, idempotencyKey?: string): FakeResponse => {
    if (!Array.isArray(req.body)) {
      return errorResponse(422, "validation_error", "The request body must be an array of emails.")
    }
    const batch = req.body
    if (!batch.length || batch.length > RESEND_FAKE_BATCH_LIMIT) {
      return errorResponse(
        422,
        "validation_error",
        `A batch takes 1 to ${RESEND_FAKE_BATCH_LIMIT} emails, got ${batch.length}.`
      )
    }
    const permissive = headerValue(req.headers, "x-batch-validation") === "permissive"
    const reasons = batch.map(invalidReason)
    const errors = reasons.flatMap((message, index) => (message ? [{ index, message }] : []))
    if (errors.length && !permissive) {
      return errorResponse(422, "validation_error", errors[0].message)
    }
    const data = batch.flatMap((email, index) =>
      reasons[index] ? [] : [{ id: deliver(email, "batch", idempotencyKey).id }]
    )
    return { status: 200, body: permissive ? { data, errors } : { data } }
  }

  const fake = await startHttpFake(
    (req) => {
      if (headerValue(req.headers, "authorization") !== `Bearer ${apiKey}`) {
        return errorResponse(401, "missing_api_key", "Missing or invalid API key")
      }
      const route = `${req.method} ${req.path}`
      if (route !== "POST /emails" && route !== "POST /emails/batch") {
        return errorResponse(404, "not_found", "Route not found")
      }
      const idempotencyKey = headerValue(req.headers, "idempotency-key")
      const fingerprint = createHash("sha256").update(`${req.path}\n${req.rawBody}`).digest("hex")
      const previous = idempotencyKey ? idempotent.get(idempotencyKey) : undefined
      if (previous) {
        return previous.fingerprint === fingerprint
          ? previous.response
          : errorResponse(
              409,
              "invalid_idempotent_request",
              "Same idempotency key used with a different request payload. Change your idempotency key or payload."
            )
      }
      const response = req.path === "/emails" ? sendOne(req, idempotencyKey) : sendBatch(req, idempotencyKey)
      // Resend keeps the answer for the key only when the request was accepted.
      if (idempotencyKey && response.status < 300) {
        idempotent.set(idempotencyKey, { fingerprint, response })
      }
      return response
    },
    {
      errorBody: injectedError,
      onReset: () => {
        emails.splice(0)
        rejected.clear()
        idempotent.clear()
      },
    }
  )
  return Object.assign(fake, {
    emails,
    lastTo: (address: string) => [...emails].reverse().find((e) => e.to.includes(address)),
    uniqueRecipientCount: () => new Set(emails.flatMap((e) => e.to.map((to) => bareAddress(to).toLowerCase()))).size,
    rejectAddress: (address: string, message?: string) => {
      rejected.set(
        address.toLowerCase(),
        message ?? `Invalid \`to\` field: ${address} was rejected (the fake refuses this address).`
      )
    },
    acceptAddress: (address: string) => {
      rejected.delete(address.toLowerCase())
    },
  })
}
