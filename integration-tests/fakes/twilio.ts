import {
  asRecord,
  headerValue,
  HttpFake,
  randomString,
  startHttpFake,
  type FakeResponse,
} from "./http-fake"

export type SentSms = {
  sid: string
  to: string
  from: string
  body: string
  status: "queued"
}

export interface FakeTwilio extends HttpFake {
  /** Every SMS accepted, in order. */
  readonly messages: SentSms[]
  /** The last SMS sent to `to`, if any. */
  lastTo(to: string): SentSms | undefined
  /** How many distinct numbers got at least one SMS. */
  uniqueRecipientCount(): number
  /** SMS to `to` are refused for good with Twilio's 21211 (invalid 'To' number). */
  rejectNumber(to: string): void
}

const HEX = "0123456789abcdef"
const E164 = /^\+[1-9]\d{6,14}$/

type TwilioError = { code: number; message: string; more_info: string; status: number }

const twilioError = (status: number, code: number, message: string): TwilioError => ({
  code,
  message,
  more_info: `https://www.twilio.com/docs/errors/${code}`,
  status,
})

const errorResponse = (status: number, code: number, message: string): FakeResponse => ({
  status,
  body: twilioError(status, code, message),
})

/** Twilio's error body for an injected failure (`failNext`). */
function injectedError(status: number): TwilioError {
  if (status === 429) {
    return twilioError(429, 20429, "Too Many Requests")
  }
  if (status === 503) {
    return twilioError(503, 20503, "Service Unavailable")
  }
  if (status >= 500) {
    return twilioError(status, 20500, "Internal Server Error")
  }
  return twilioError(status, 21211, `Injected failure (HTTP ${status})`)
}

/**
 * Twilio's Messages API: `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`,
 * HTTP Basic auth with `sid:token`, form-encoded `To`, `From` (or
 * `MessagingServiceSid`) and `Body`; answers 201 with the message resource
 * (`sid` "SM" + 32 hex, `status: "queued"`). Errors as Twilio's
 * `{ code, message, more_info, status }`, e.g. 21211 for an invalid 'To' number.
 */
export async function startFakeTwilio({
  accountSid,
  authToken,
}: {
  accountSid: string
  authToken: string
}): Promise<FakeTwilio> {
  const messages: SentSms[] = []
  const rejected = new Set<string>()
  const expectedAuth = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString("base64")}`
  const messagesPath = `/2010-04-01/Accounts/${accountSid}/Messages.json`

  const fake = await startHttpFake(
    (req) => {
      if (headerValue(req.headers, "authorization") !== expectedAuth) {
        return errorResponse(401, 20003, "Authentication Error - invalid username")
      }
      if (req.method !== "POST" || req.path !== messagesPath) {
        return errorResponse(404, 20404, `The requested resource ${req.path} was not found`)
      }
      const body = asRecord(req.body)
      const to = typeof body.To === "string" ? body.To : ""
      const from =
        typeof body.From === "string"
          ? body.From
          : typeof body.MessagingServiceSid === "string"
            ? body.MessagingServiceSid
            : ""
      const text = typeof body.Body === "string" ? body.Body : ""
      if (!to) {
        return errorResponse(400, 21604, "A 'To' phone number is required.")
      }
      if (!from) {
        return errorResponse(400, 21603, "A 'From' phone number is required.")
      }
      if (!text) {
        return errorResponse(400, 21602, "Message body is required.")
      }
      if (!E164.test(to) || rejected.has(to)) {
        return errorResponse(400, 21211, `Invalid 'To' Phone Number: ${to}`)
      }
      const now = new Date().toUTCString()
      const sid = `SM${randomString(32, HEX)}`
      const message: SentSms = { sid, to, from, body: text, status: "queued" }
      messages.push(message)
      return {
        status: 201,
        body: {
          account_sid: accountSid,
          api_version: "2010-04-01",
          body: text,
          date_created: now,
          date_sent: null,
          date_updated: now,
          direction: "outbound-api",
          error_code: null,
          error_message: null,
          from: from.startsWith("MG") ? null : from,
          messaging_service_sid: from.startsWith("MG") ? from : null,
          num_media: "0",
          num_segments: String(Math.max(1, Math.ceil(text.length / 160))),
          price: null,
          price_unit: "USD",
          sid,
          status: "queued",
          subresource_uris: { media: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}/Media.json` },
          to,
          uri: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}.json`,
        },
      }
    },
    {
      errorBody: injectedError,
      onReset: () => {
        messages.splice(0)
        rejected.clear()
      },
    }
  )
  return Object.assign(fake, {
    messages,
    lastTo: (to: string) => [...messages].reverse().find((m) => m.to === to),
    uniqueRecipientCount: () => new Set(messages.map((m) => m.to)).size,
    rejectNumber: (to: string) => {
      rejected.add(to)
    },
  })
}
