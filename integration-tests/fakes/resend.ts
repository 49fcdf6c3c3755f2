import { randomUUID } from "node:crypto"
import { asRecord, headerValue, HttpFake, startHttpFake } from "./http-fake"

export type SentEmail = {
  id: string
  from: string
  to: string[]
  subject: string
  text?: string
  html?: string
  idempotency_key?: string
}

export interface FakeResend extends HttpFake {
  readonly emails: SentEmail[]
  /** The last email sent to `address`, if any. */
  lastTo(address: string): SentEmail | undefined
}

/**
 * Resend's `POST /emails`: Bearer API key, `{ from, to, subject, html?, text? }`,
 * answers `{ id }`; errors as `{ statusCode, name, message }`. Honours
 * `Idempotency-Key` by answering the first email's id again.
 */
export async function startFakeResend({ apiKey }: { apiKey: string }): Promise<FakeResend> {
  const emails: SentEmail[] = []
  const error = (statusCode: number, name: string, message: string) => ({
    status: statusCode,
    body: { statusCode, name, message },
  })
  const fake = await startHttpFake(
    (req) => {
      if (headerValue(req.headers, "authorization") !== `Bearer ${apiKey}`) {
        return error(401, "missing_api_key", "Missing or invalid API key")
      }
      if (req.method !== "POST" || req.path !== "/emails") {
        return error(404, "not_found", "Route not found")
      }
      const body = asRecord(req.body)
      const to = Array.isArray(body.to) ? body.to.map(String) : [String(body.to ?? "")]
      if (typeof body.from !== "string" || !to[0] || typeof body.subject !== "string") {
        return error(422, "validation_error", "`from`, `to` and `subject` are required")
      }
      const idempotencyKey = headerValue(req.headers, "idempotency-key")
      const previous = idempotencyKey && emails.find((e) => e.idempotency_key === idempotencyKey)
      if (previous) {
        return { status: 200, body: { id: previous.id } }
      }
      const email: SentEmail = {
        id: randomUUID(),
        from: body.from,
        to,
        subject: body.subject,
        text: typeof body.text === "string" ? body.text : undefined,
        html: typeof body.html === "string" ? body.html : undefined,
        idempotency_key: idempotencyKey,
      }
      emails.push(email)
      return { status: 200, body: { id: email.id } }
    },
    { onReset: () => emails.splice(0) }
  )
  return Object.assign(fake, {
    emails,
    lastTo: (address: string) => [...emails].reverse().find((e) => e.to.includes(address)),
  })
}
