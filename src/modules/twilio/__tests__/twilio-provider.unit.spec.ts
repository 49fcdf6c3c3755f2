import { logger } from "@medusajs/framework/logger"
import type { ProviderSendNotificationDTO } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"

import { asRecord } from "../../../../integration-tests/fakes/http-fake"
import { startFakeTwilio, type FakeTwilio } from "../../../../integration-tests/fakes/twilio"
import { TwilioApiError, TwilioSmsClient } from "../client"
import TwilioNotificationProviderService from "../service"

jest.setTimeout(30000)

const SID = "AC0123456789abcdef0123456789abcdef"
const TOKEN = "twilio_unit_token"
const FROM = "+15005550006"
const TO = "+2348012345678"
const FAST = { baseDelayMs: 1, maxDelayMs: 5 }

const sms = (overrides: Partial<ProviderSendNotificationDTO> = {}): ProviderSendNotificationDTO => ({
  to: TO,
  channel: "sms",
  template: "admin-alert",
  data: { title: "Low stock", message: "2 left" },
  ...overrides,
})

describe("Twilio notification provider", () => {
  let twilio: FakeTwilio
  let provider: TwilioNotificationProviderService

  beforeAll(async () => {
    twilio = await startFakeTwilio({ accountSid: SID, authToken: TOKEN })
    provider = new TwilioNotificationProviderService(
      { logger },
      { accountSid: SID, authToken: TOKEN, from: FROM, apiBase: twilio.url, retry: FAST }
    )
  })

  afterAll(async () => {
    await twilio.close()
  })

  beforeEach(() => twilio.reset())

  it("validates its options", () => {
    const valid = { accountSid: SID, authToken: TOKEN, from: FROM }
    expect(() => TwilioNotificationProviderService.validateOptions(valid)).not.toThrow()
    expect(() => TwilioNotificationProviderService.validateOptions({ ...valid, from: "" })).toThrow(/from/)
    expect(() => TwilioNotificationProviderService.validateOptions({ ...valid, authToken: undefined })).toThrow(
      /authToken/
    )
    expect(() => TwilioNotificationProviderService.validateOptions({ ...valid, accountSid: "SK123" })).toThrow(/AC/)
  })

  it("sends through the SDK to apiBase with Basic auth and a form body, answering the message sid", async () => {
    const result = await provider.send(sms({ content: { text: "Your order shipped" } }))
    expect(twilio.requests).toHaveLength(1)
    const [request] = twilio.requests
    expect(request.method).toBe("POST")
    expect(request.path).toBe(`/2010-04-01/Accounts/${SID}/Messages.json`)
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from(`${SID}:${TOKEN}`).toString("base64")}`)
    expect(request.headers["content-type"]).toContain("application/x-www-form-urlencoded")
    expect(asRecord(request.body)).toEqual({ To: TO, From: FROM, Body: "Your order shipped" })
    expect(result.id).toMatch(/^SM[0-9a-f]{32}$/)
    expect(twilio.messages).toEqual([{ sid: result.id, to: TO, from: FROM, body: "Your order shipped", status: "queued" }])
  })

  it("renders the template's short form when no content is given", async () => {
    await provider.send(sms())
    expect(twilio.lastTo(TO)?.body).toBe("Store alert: Low stock\n2 left")
  })

  it("retries a 429 after its Retry-After and sends once", async () => {
    twilio.failNext(1, 429, { "Retry-After": "1" })
    const started = Date.now()
    await provider.send(sms({ content: { text: "hello" } }))
    expect(Date.now() - started).toBeGreaterThanOrEqual(950)
    expect(twilio.requests).toHaveLength(2)
    expect(twilio.messages).toHaveLength(1)
  })

  it("retries 5xx answers", async () => {
    twilio.failNext(2, 503)
    await provider.send(sms({ content: { text: "hello" } }))
    expect(twilio.requests).toHaveLength(3)
    expect(twilio.messages).toHaveLength(1)
  })

  it("fails a permanent 4xx at once with Twilio's message", async () => {
    twilio.rejectNumber(TO)
    const error = await provider.send(sms({ content: { text: "hello" } })).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(MedusaError)
    expect(error).toMatchObject({
      type: MedusaError.Types.INVALID_DATA,
      message: expect.stringContaining(`Invalid 'To' Phone Number: ${TO}`),
    })
    expect(twilio.requests).toHaveLength(1)
  })

  it("gives up after 4 tries when Twilio stays down", async () => {
    twilio.failNext(10, 500)
    await expect(provider.send(sms({ content: { text: "hello" } }))).rejects.toMatchObject({
      type: MedusaError.Types.UNEXPECTED_STATE,
      message: expect.stringContaining("Twilio answered 500: Internal Server Error"),
    })
    expect(twilio.requests).toHaveLength(4)
    expect(twilio.messages).toHaveLength(0)
  })

  it("exposes Twilio's code on refusals and sends a Messaging Service SID as MessagingServiceSid", async () => {
    const service = "MG0123456789abcdef0123456789abcdef"
    const client = new TwilioSmsClient({ accountSid: SID, authToken: TOKEN, from: service, apiBase: twilio.url })
    const message = await client.sendSms(TO, "via service")
    expect(message.status).toBe("queued")
    expect(asRecord(twilio.requests[0].body)).toMatchObject({ MessagingServiceSid: service })

    const error = await client.sendSms("0801", "bad").catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TwilioApiError)
    expect(error).toMatchObject({ status: 400, vendorCode: 21211 })
  })

  it("does not retry inside the SDK: one 429 with no retry budget is one request", async () => {
    const client = new TwilioSmsClient({
      accountSid: SID,
      authToken: TOKEN,
      from: FROM,
      apiBase: twilio.url,
      retry: { attempts: 1 },
    })
    twilio.failNext(1, 429)
    await expect(client.sendSms(TO, "x")).rejects.toMatchObject({ name: "RetryableError", status: 429 })
    expect(twilio.requests).toHaveLength(1)
  })
})
