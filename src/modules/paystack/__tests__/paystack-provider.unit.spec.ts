import type { Logger } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"

import { asRecord } from "../../../../integration-tests/fakes/http-fake"
import {
  signPaystackBody,
  startFakePaystack,
  type FakePaystack,
  type SignedPaystackEvent,
} from "../../../../integration-tests/fakes/paystack"
import PaystackProviderService from "../service"
import type { PaystackSessionData } from "../types"

jest.setTimeout(30000)

const SECRET_KEY = "sk_test_unit_paystack_provider"
const EMAIL = "ada@example.com"
const PAYSTACK_REFERENCE = /^[A-Za-z0-9.=-]+$/

type LogCall = { level: string; message: string }

/** A Logger that records every message it is given. */
function createRecordingLogger(): { logger: Logger; calls: LogCall[] } {
  const calls: LogCall[] = []
  const record = (level: string, message: unknown) => {
    calls.push({
      level,
      message: message instanceof Error ? message.message : String(message),
    })
  }
  const logger: Logger = {
    panic: (data) => record("panic", data),
    shouldLog: () => true,
    setLogLevel: () => undefined,
    unsetLogLevel: () => undefined,
    activity: (message) => {
      record("activity", message)
      return `activity-${calls.length}`
    },
    progress: (_id, message) => record("progress", message),
    error: (messageOrError) => record("error", messageOrError),
    failure: (_id, message) => record("failure", message),
    success: (_id, message) => {
      record("success", message)
      return {}
    },
    silly: (message) => record("silly", message),
    debug: (message) => record("debug", message),
    verbose: (message) => record("verbose", message),
    http: (message) => record("http", message),
    info: (message) => record("info", message),
    warn: (message) => record("warn", message),
    log: (...args) => record("log", args.map(String).join(" ")),
  }
  return { logger, calls }
}

/** Narrows provider data to the session shape, checking the required fields. */
function sessionOf(data: Record<string, unknown> | undefined): PaystackSessionData {
  const record = asRecord(data)
  const { reference, amount, currency } = record
  if (
    typeof reference !== "string" ||
    typeof amount !== "number" ||
    typeof currency !== "string"
  ) {
    throw new Error(`not Paystack session data: ${JSON.stringify(data)}`)
  }
  const refunds = Array.isArray(record.refunds)
    ? record.refunds.map((r) => {
        const refund = asRecord(r)
        return {
          id: Number(refund.id),
          amount: Number(refund.amount),
          status: String(refund.status),
        }
      })
    : undefined
  return {
    reference,
    amount,
    currency,
    access_code:
      typeof record.access_code === "string" ? record.access_code : undefined,
    authorization_url:
      typeof record.authorization_url === "string"
        ? record.authorization_url
        : undefined,
    email: typeof record.email === "string" ? record.email : undefined,
    session_id:
      typeof record.session_id === "string" ? record.session_id : undefined,
    transaction_id:
      typeof record.transaction_id === "number"
        ? record.transaction_id
        : undefined,
    paid_at:
      typeof record.paid_at === "string" || record.paid_at === null
        ? record.paid_at
        : undefined,
    refunds,
  }
}

/** The MedusaError a promise rejects with (fails the test otherwise). */
async function medusaErrorOf(promise: Promise<unknown>): Promise<MedusaError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof MedusaError) {
      return error
    }
    throw error
  }
  throw new Error("expected the call to reject with a MedusaError")
}

function webhookPayload(
  event: SignedPaystackEvent,
  rawData: string | Buffer = Buffer.from(event.body)
) {
  const data: Record<string, unknown> = JSON.parse(event.body)
  return { data, rawData, headers: { ...event.headers } }
}

describe("PaystackProviderService (against the Paystack fake)", () => {
  let fake: FakePaystack
  let provider: PaystackProviderService
  let logCalls: LogCall[]

  const makeProvider = (secretKey = SECRET_KEY) => {
    const { logger, calls } = createRecordingLogger()
    logCalls = calls
    return new PaystackProviderService(
      { logger },
      { secretKey, apiBase: fake.url, retryBaseDelayMs: 1 }
    )
  }

  const initiate = async (
    amount: number | string,
    data: Record<string, unknown> = { email: EMAIL, session_id: "payses_01TEST" }
  ) => {
    const result = await provider.initiatePayment({
      amount,
      currency_code: "ngn",
      data,
    })
    return { result, session: sessionOf(result.data) }
  }

  const initializeBodies = () =>
    fake.requests
      .filter((r) => r.method === "POST" && r.path === "/transaction/initialize")
      .map((r) => asRecord(r.body))

  beforeAll(async () => {
    fake = await startFakePaystack({ secretKey: SECRET_KEY })
  })

  afterAll(async () => {
    await fake.close()
  })

  beforeEach(() => {
    fake.reset()
    provider = makeProvider()
  })

  describe("initiatePayment", () => {
    it("sends a fractional naira amount as integer kobo", async () => {
      const { result, session } = await initiate(38000.5)

      const [body] = initializeBodies()
      expect(fake.requests).toHaveLength(1)
      expect(body.amount).toBe(3800050)
      expect(Number.isInteger(body.amount)).toBe(true)
      expect(body.currency).toBe("NGN")
      expect(body.email).toBe(EMAIL)
      expect(result.status).toBe("pending")
      expect(result.id).toBe(session.reference)
      expect(session.amount).toBe(3800050)
      expect(session.currency).toBe("ngn")
      expect(fake.transactions.get(session.reference)?.amount).toBe(3800050)
    })

    it("converts decimal-string amounts without float drift", async () => {
      const { session } = await initiate("69.69")

      expect(initializeBodies()[0].amount).toBe(6969)
      expect(session.amount).toBe(6969)
    })

    it("keeps what Paystack returned on the session data", async () => {
      const { session } = await initiate(1500)

      const stored = fake.transactions.get(session.reference)
      expect(stored).toBeDefined()
      expect(session.access_code).toBe(stored?.access_code)
      expect(session.authorization_url).toBe(stored?.authorization_url)
      expect(session.session_id).toBe("payses_01TEST")
      expect(stored?.metadata).toEqual({ session_id: "payses_01TEST" })
    })

    it("accepts an upper-case currency code", async () => {
      const result = await provider.initiatePayment({
        amount: 100,
        currency_code: "NGN",
        data: { email: EMAIL },
      })

      expect(sessionOf(result.data).currency).toBe("ngn")
      expect(initializeBodies()[0].amount).toBe(10000)
    })

    it("falls back to the customer's email from the context", async () => {
      await provider.initiatePayment({
        amount: 2500,
        currency_code: "ngn",
        data: { session_id: "payses_ctx" },
        context: { customer: { id: "cus_1", email: "chidi@example.com" } },
      })

      expect(initializeBodies()[0].email).toBe("chidi@example.com")
    })

    it("prefers data.email over the context customer's email", async () => {
      await provider.initiatePayment({
        amount: 2500,
        currency_code: "ngn",
        data: { email: EMAIL },
        context: { customer: { id: "cus_1", email: "chidi@example.com" } },
      })

      expect(initializeBodies()[0].email).toBe(EMAIL)
    })

    it("rejects a session without any email before calling Paystack", async () => {
      const error = await medusaErrorOf(
        provider.initiatePayment({
          amount: 2500,
          currency_code: "ngn",
          data: { session_id: "payses_noemail" },
        })
      )

      expect(error.type).toBe(MedusaError.Types.INVALID_DATA)
      expect(error.message).toMatch(/email/)
      expect(fake.requests).toHaveLength(0)
    })

    it("rejects currencies other than NGN before calling Paystack", async () => {
      const error = await medusaErrorOf(
        provider.initiatePayment({
          amount: 25,
          currency_code: "usd",
          data: { email: EMAIL },
        })
      )

      expect(error.type).toBe(MedusaError.Types.INVALID_DATA)
      expect(error.message).toMatch(/USD/)
      expect(fake.requests).toHaveLength(0)
    })

    it("builds a Paystack-safe reference that embeds the session id", async () => {
      const { session } = await initiate(100, {
        email: EMAIL,
        session_id: "payses_01J9/ab c+d",
      })

      expect(session.reference).toMatch(PAYSTACK_REFERENCE)
      expect(session.reference.startsWith("payses-01J9-ab-c-d-")).toBe(true)
      expect(initializeBodies()[0].reference).toBe(session.reference)
      // The untouched session id still travels in the metadata.
      expect(asRecord(initializeBodies()[0].metadata).session_id).toBe(
        "payses_01J9/ab c+d"
      )
    })

    it("gives each transaction of the same session its own reference", async () => {
      const first = await initiate(100)
      const second = await initiate(100)

      expect(first.session.reference).not.toBe(second.session.reference)
      expect(first.session.reference).toMatch(/^payses-01TEST-/)
      expect(second.session.reference).toMatch(/^payses-01TEST-/)
      expect(fake.transactions.size).toBe(2)
    })

    it("uses a generic, still valid reference without a session id", async () => {
      const { session } = await initiate(100, { email: EMAIL })

      expect(session.reference).toMatch(PAYSTACK_REFERENCE)
      expect(session.reference).toMatch(/^ps-[0-9a-f]{8}$/)
    })
  })

  describe("updatePayment", () => {
    it("reuses the transaction when the kobo amount is unchanged", async () => {
      const { session } = await initiate(38000.5)

      const updated = await provider.updatePayment({
        amount: "38000.50",
        currency_code: "ngn",
        data: { ...session, email: EMAIL },
      })

      expect(updated.status).toBe("pending")
      expect(sessionOf(updated.data).reference).toBe(session.reference)
      expect(fake.requests).toHaveLength(1)
      expect(fake.transactions.size).toBe(1)
    })

    it("initializes a new transaction when the amount changes", async () => {
      const { session } = await initiate(38000.5)

      const updated = await provider.updatePayment({
        amount: 40000,
        currency_code: "ngn",
        data: { ...session, email: EMAIL },
      })
      const next = sessionOf(updated.data)

      expect(updated.status).toBe("pending")
      expect(next.reference).not.toBe(session.reference)
      expect(next.reference).toMatch(/^payses-01TEST-/)
      expect(next.amount).toBe(4000000)
      expect(initializeBodies().map((b) => b.amount)).toEqual([3800050, 4000000])
      expect(fake.transactions.get(next.reference)?.amount).toBe(4000000)
    })

    it("refuses a currency other than NGN", async () => {
      const { session } = await initiate("100.00")

      await expect(
        provider.updatePayment({ amount: 100, currency_code: "usd", data: session })
      ).rejects.toMatchObject({ type: MedusaError.Types.INVALID_DATA })
      expect(fake.requests).toHaveLength(1)
    })

    it("keeps the customer's email so later amount changes need no context", async () => {
      const { session } = await initiate("100.00")
      const first = await provider.updatePayment({ amount: 200, currency_code: "ngn", data: session })
      const second = await provider.updatePayment({
        amount: 300,
        currency_code: "ngn",
        data: first.data,
      })

      expect(sessionOf(second.data).amount).toBe(30000)
      expect(initializeBodies().map((b) => b.email)).toEqual([EMAIL, EMAIL, EMAIL])
    })

    it("treats a one-kobo difference as a change", async () => {
      const { session } = await initiate("100.00")

      const updated = await provider.updatePayment({
        amount: "100.01",
        currency_code: "ngn",
        data: { ...session, email: EMAIL },
      })

      expect(sessionOf(updated.data).amount).toBe(10001)
      expect(sessionOf(updated.data).reference).not.toBe(session.reference)
    })
  })

  describe("authorizePayment", () => {
    it("stays pending until the customer pays", async () => {
      const { session } = await initiate(38000.5)

      const result = await provider.authorizePayment({ data: { ...session } })

      expect(result.status).toBe("pending")
      expect(fake.requests.at(-1)?.path).toBe(
        `/transaction/verify/${session.reference}`
      )
      const data = sessionOf(result.data)
      expect(data.transaction_id).toBe(fake.transactions.get(session.reference)?.id)
      expect(data.paid_at).toBeNull()
    })

    it("reports captured once Paystack says the transaction succeeded", async () => {
      const { session } = await initiate(38000.5)
      const paid = fake.markPaid(session.reference)

      const result = await provider.authorizePayment({ data: { ...session } })

      expect(result.status).toBe("captured")
      const data = sessionOf(result.data)
      expect(data.paid_at).toBe(paid.paid_at)
      expect(data.transaction_id).toBe(paid.id)
      expect(data.reference).toBe(session.reference)
      expect(data.amount).toBe(3800050)
    })

    it("reports an error when less than the requested amount was paid", async () => {
      const { session } = await initiate(38000.5)
      const transaction = fake.markPaid(session.reference)
      transaction.amount = session.amount - 1

      const result = await provider.authorizePayment({ data: { ...session } })

      expect(result.status).toBe("error")
    })

    it("reports an error when the payment was in another currency", async () => {
      const { session } = await initiate(38000.5)
      const transaction = fake.markPaid(session.reference)
      transaction.currency = "USD"

      const result = await provider.authorizePayment({ data: { ...session } })

      expect(result.status).toBe("error")
    })

    it("reports an error for a failed charge", async () => {
      const { session } = await initiate(500)
      fake.markFailed(session.reference)

      const result = await provider.authorizePayment({ data: { ...session } })

      expect(result.status).toBe("error")
    })

    it("rejects data without a transaction reference", async () => {
      const error = await medusaErrorOf(
        provider.authorizePayment({ data: { amount: 100, currency: "ngn" } })
      )

      expect(error.type).toBe(MedusaError.Types.INVALID_DATA)
      expect(fake.requests).toHaveLength(0)
    })
  })

  describe("refundPayment", () => {
    it("posts the refund in kobo and records it on the payment data", async () => {
      const { session } = await initiate(38000.5)
      fake.markPaid(session.reference)

      const result = await provider.refundPayment({
        amount: "1000.25",
        data: { ...session },
      })

      const request = fake.requests.at(-1)
      expect(request?.method).toBe("POST")
      expect(request?.path).toBe("/refund")
      expect(asRecord(request?.body)).toEqual({
        transaction: session.reference,
        amount: 100025,
      })
      expect(fake.refunds).toHaveLength(1)
      expect(fake.refunds[0].amount).toBe(100025)
      expect(sessionOf(result.data).refunds).toEqual([
        { id: fake.refunds[0].id, amount: 100025, status: "pending" },
      ])
    })

    it("appends later refunds to the earlier ones", async () => {
      const { session } = await initiate(38000.5)
      fake.markPaid(session.reference)

      const first = await provider.refundPayment({ amount: 100, data: { ...session } })
      const second = await provider.refundPayment({
        amount: 200.5,
        data: first.data,
      })

      expect(fake.refunds.map((r) => r.amount)).toEqual([10000, 20050])
      expect(sessionOf(second.data).refunds).toEqual([
        { id: fake.refunds[0].id, amount: 10000, status: "pending" },
        { id: fake.refunds[1].id, amount: 20050, status: "pending" },
      ])
      expect(sessionOf(second.data).reference).toBe(session.reference)
    })

    it("surfaces Paystack's refusal of a refund larger than the payment", async () => {
      const { session } = await initiate(100)
      fake.markPaid(session.reference)

      const error = await medusaErrorOf(
        provider.refundPayment({ amount: 100.01, data: { ...session } })
      )

      expect(error.type).toBe(MedusaError.Types.INVALID_DATA)
      expect(error.message).toMatch(/greater than the remaining/)
      expect(fake.refunds).toHaveLength(0)
    })
  })

  describe("retries", () => {
    it("retries 5xx answers and succeeds on the third attempt", async () => {
      fake.failNext(2)

      const { session } = await initiate(1200)

      const bodies = initializeBodies()
      expect(fake.requests).toHaveLength(3)
      expect(bodies).toHaveLength(3)
      // Every attempt sends the same transaction.
      expect(new Set(bodies.map((b) => b.reference))).toEqual(
        new Set([session.reference])
      )
      expect(fake.transactions.size).toBe(1)
    })

    it("retries verification too", async () => {
      const { session } = await initiate(1200)
      fake.markPaid(session.reference)
      fake.failNext(2, 503)

      const result = await provider.authorizePayment({ data: { ...session } })

      expect(result.status).toBe("captured")
      expect(fake.requests).toHaveLength(4)
    })

    it("gives up after three failed attempts", async () => {
      fake.failNext(3)

      const error = await medusaErrorOf(initiate(1200))

      expect(fake.requests).toHaveLength(3)
      expect(error.type).toBe(MedusaError.Types.UNEXPECTED_STATE)
      expect(error.message).toMatch(/500/)
      expect(fake.transactions.size).toBe(0)
    })

    it("does not retry a 4xx and reports Paystack's message", async () => {
      provider = makeProvider("sk_test_wrong_key")

      const error = await medusaErrorOf(initiate(1200))

      expect(fake.requests).toHaveLength(1)
      expect(error.type).toBe(MedusaError.Types.INVALID_DATA)
      expect(error.message).toMatch(/401/)
      expect(error.message).toMatch(/Invalid key/)
    })
  })

  describe("getWebhookActionAndData", () => {
    it("turns a signed charge.success into a captured action in major units", async () => {
      const { session } = await initiate(38000.5, {
        email: EMAIL,
        session_id: "payses_01HOOK",
      })
      const event = fake.chargeSuccessEvent(session.reference)

      const result = await provider.getWebhookActionAndData(webhookPayload(event))

      expect(result).toEqual({
        action: "captured",
        data: { session_id: "payses_01HOOK", amount: "38000.50" },
      })
    })

    it("accepts the raw body as a string", async () => {
      const { session } = await initiate(250, {
        email: EMAIL,
        session_id: "payses_01STR",
      })
      const event = fake.chargeSuccessEvent(session.reference)

      const result = await provider.getWebhookActionAndData(
        webhookPayload(event, event.body)
      )

      expect(result).toEqual({
        action: "captured",
        data: { session_id: "payses_01STR", amount: "250.00" },
      })
    })

    it("rejects a signature made with another key", async () => {
      const { session } = await initiate(250)
      const event = fake.chargeSuccessEvent(session.reference)
      const payload = webhookPayload(event)
      payload.headers["x-paystack-signature"] = signPaystackBody(
        event.body,
        "sk_test_someone_else"
      )

      const error = await medusaErrorOf(provider.getWebhookActionAndData(payload))

      expect(error.type).toBe(MedusaError.Types.UNAUTHORIZED)
    })

    it("rejects a webhook without a signature header", async () => {
      const { session } = await initiate(250)
      const event = fake.chargeSuccessEvent(session.reference)
      const data: Record<string, unknown> = JSON.parse(event.body)

      const error = await medusaErrorOf(
        provider.getWebhookActionAndData({
          data,
          rawData: Buffer.from(event.body),
          headers: { "content-type": "application/json" },
        })
      )

      expect(error.type).toBe(MedusaError.Types.UNAUTHORIZED)
    })

    it("rejects a malformed signature without crashing", async () => {
      const { session } = await initiate(250)
      const event = fake.chargeSuccessEvent(session.reference)
      const payload = webhookPayload(event)
      payload.headers["x-paystack-signature"] = "abc123"

      const error = await medusaErrorOf(provider.getWebhookActionAndData(payload))

      expect(error.type).toBe(MedusaError.Types.UNAUTHORIZED)
    })

    it("rejects a body changed after signing", async () => {
      const { session } = await initiate(250, {
        email: EMAIL,
        session_id: "payses_01TAMPER",
      })
      const event = fake.chargeSuccessEvent(session.reference)
      const tampered = event.body.replace('"amount":25000', '"amount":2500000')
      expect(tampered).not.toBe(event.body)

      const error = await medusaErrorOf(
        provider.getWebhookActionAndData({
          data: JSON.parse(tampered),
          rawData: Buffer.from(tampered),
          headers: { ...event.headers },
        })
      )

      expect(error.type).toBe(MedusaError.Types.UNAUTHORIZED)
    })

    it("ignores a charge.success that names no session", async () => {
      const { session } = await initiate(250, { email: EMAIL })
      const event = fake.chargeSuccessEvent(session.reference)
      expect(asRecord(asRecord(JSON.parse(event.body)).data).metadata).toEqual({})

      const result = await provider.getWebhookActionAndData(webhookPayload(event))

      expect(result).toEqual({ action: "not_supported" })
    })

    it("parses metadata sent as a JSON string", async () => {
      const event = fake.signedEvent("charge.success", {
        reference: "payses-01JSON-0a1b2c3d",
        amount: 1234567,
        currency: "NGN",
        metadata: JSON.stringify({ session_id: "payses_01JSON" }),
      })

      const result = await provider.getWebhookActionAndData(webhookPayload(event))

      expect(result).toEqual({
        action: "captured",
        data: { session_id: "payses_01JSON", amount: "12345.67" },
      })
    })

    it("ignores metadata that is a string but not JSON", async () => {
      const event = fake.signedEvent("charge.success", {
        amount: 1000,
        currency: "NGN",
        metadata: "session_id=payses_01",
      })

      const result = await provider.getWebhookActionAndData(webhookPayload(event))

      expect(result).toEqual({ action: "not_supported" })
    })

    it("ignores a charge in a currency the provider does not take", async () => {
      const event = fake.signedEvent("charge.success", {
        amount: 1000,
        currency: "USD",
        metadata: { session_id: "payses_01USD" },
      })

      const result = await provider.getWebhookActionAndData(webhookPayload(event))

      expect(result).toEqual({ action: "not_supported" })
    })

    it("logs a warning for refund.failed and takes no action", async () => {
      const event = fake.signedEvent("refund.failed", {
        status: "failed",
        transaction_reference: "payses-01REF-deadbeef",
        amount: 10000,
        currency: "NGN",
      })

      const result = await provider.getWebhookActionAndData(webhookPayload(event))

      expect(result).toEqual({ action: "not_supported" })
      const warnings = logCalls.filter((c) => c.level === "warn")
      expect(warnings).toHaveLength(1)
      expect(warnings[0].message).toContain("refund.failed")
      expect(warnings[0].message).toContain("payses-01REF-deadbeef")
    })

    it("logs refund.processed as information, not a warning", async () => {
      const { session } = await initiate(500)
      fake.markPaid(session.reference)
      await provider.refundPayment({ amount: 100, data: { ...session } })
      const event = fake.refundProcessedEvent(fake.refunds[0].id)

      const result = await provider.getWebhookActionAndData(webhookPayload(event))

      expect(result).toEqual({ action: "not_supported" })
      expect(logCalls.filter((c) => c.level === "warn")).toHaveLength(0)
      const infos = logCalls.filter((c) => c.level === "info")
      expect(infos).toHaveLength(1)
      expect(infos[0].message).toContain("refund.processed")
      expect(infos[0].message).toContain(session.reference)
    })
  })
})
