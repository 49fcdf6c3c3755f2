import { logger } from "@medusajs/framework/logger"
import type { ProviderSendNotificationDTO } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"

import { startHttpFake } from "../../../../integration-tests/fakes/http-fake"
import { startFakeResend, type FakeResend } from "../../../../integration-tests/fakes/resend"
import { ResendClient } from "../client"
import ResendNotificationProviderService from "../service"

jest.setTimeout(30000)

const API_KEY = "re_unit_resend_provider"
const FROM = "Store <no-reply@store.test>"
const FAST = { baseDelayMs: 1, maxDelayMs: 5 }

const email = (overrides: Partial<ProviderSendNotificationDTO> = {}): ProviderSendNotificationDTO => ({
  to: "ada@example.com",
  channel: "email",
  template: "admin-alert",
  data: { title: "Low stock", message: "2 left" },
  ...overrides,
})

describe("Resend notification provider", () => {
  let resend: FakeResend
  let provider: ResendNotificationProviderService

  beforeAll(async () => {
    resend = await startFakeResend({ apiKey: API_KEY })
    provider = new ResendNotificationProviderService(
      { logger },
      { apiKey: API_KEY, from: FROM, apiBase: resend.url, retry: FAST }
    )
  })

  afterAll(async () => {
    await resend.close()
  })

  beforeEach(() => resend.reset())

  it("validates its options", () => {
    expect(() => ResendNotificationProviderService.validateOptions({ from: FROM })).toThrow(/apiKey/)
    expect(() => ResendNotificationProviderService.validateOptions({ apiKey: API_KEY })).toThrow(/from/)
    expect(() => ResendNotificationProviderService.validateOptions({ apiKey: API_KEY, from: FROM })).not.toThrow()
  })

  it("renders the template and answers Resend's id", async () => {
    const result = await provider.send(email())
    expect(resend.emails).toHaveLength(1)
    const [sent] = resend.emails
    expect(result).toEqual({ id: sent.id })
    expect(sent).toMatchObject({ from: FROM, to: ["ada@example.com"], subject: "Store alert: Low stock" })
    expect(sent.text).toContain("2 left")
    expect(sent.html).toContain("2 left")
  })

  it("sends given content as is, with provider_data headers", async () => {
    await provider.send(
      email({
        content: { subject: "Your code", text: "Code 123456", html: "<p>Code 123456</p>" },
        provider_data: { headers: { "List-Unsubscribe": "<https://shop.test/u>" } },
      })
    )
    expect(resend.emails[0]).toMatchObject({
      subject: "Your code",
      text: "Code 123456",
      headers: { "List-Unsubscribe": "<https://shop.test/u>" },
    })
  })

  it("retries a 429 after its Retry-After with the same idempotency key, and sends once", async () => {
    resend.failNext(1, 429, { "Retry-After": "1" })
    const started = Date.now()
    const result = await provider.send(email({ provider_data: { idempotency_key: "otp:ada:1" } }))
    expect(Date.now() - started).toBeGreaterThanOrEqual(950)
    expect(resend.requests).toHaveLength(2)
    expect(resend.requests.map((r) => r.headers["idempotency-key"])).toEqual(["otp:ada:1", "otp:ada:1"])
    expect(resend.emails).toHaveLength(1)
    expect(result).toEqual({ id: resend.emails[0].id })
  })

  it("retries 5xx answers", async () => {
    resend.failNext(2, 503)
    await provider.send(email())
    expect(resend.requests).toHaveLength(3)
    expect(resend.emails).toHaveLength(1)
  })

  it("uses the notification's own key when provider_data has none, so a replay sends nothing new", async () => {
    const record = { ...email(), id: "noti_1", idempotency_key: "order-placed:order_1" }
    const first = await provider.send(record)
    const second = await provider.send(record)
    expect(second).toEqual(first)
    expect(resend.emails).toHaveLength(1)
    expect(resend.requests[0].headers["idempotency-key"]).toBe("order-placed:order_1")
  })

  it("fails a permanent 4xx at once with Resend's message", async () => {
    resend.rejectAddress("ada@example.com", "The recipient ada@example.com is suppressed")
    const error = await provider.send(email()).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(MedusaError)
    expect(error).toMatchObject({
      type: MedusaError.Types.INVALID_DATA,
      message: expect.stringContaining("The recipient ada@example.com is suppressed"),
    })
    expect(resend.requests).toHaveLength(1)
    expect(resend.emails).toHaveLength(0)
  })

  it("gives up after 4 tries when Resend stays down, and throws (never answers {})", async () => {
    resend.failNext(10, 500)
    await expect(provider.send(email())).rejects.toMatchObject({
      type: MedusaError.Types.UNEXPECTED_STATE,
      message: expect.stringContaining("Resend answered 500"),
    })
    expect(resend.requests).toHaveLength(4)
  })

  it("retries when Resend cannot be reached", async () => {
    const down = await startHttpFake(() => ({ status: 200 }))
    await down.close()
    const offline = new ResendNotificationProviderService(
      { logger },
      { apiKey: API_KEY, from: FROM, apiBase: down.url, retry: { ...FAST, attempts: 2 } }
    )
    await expect(offline.send(email())).rejects.toMatchObject({
      type: MedusaError.Types.UNEXPECTED_STATE,
      message: expect.stringContaining("could not be reached"),
    })
  })

  it("times out a request that hangs, and retries it", async () => {
    resend.setLatency(300)
    const client = new ResendClient({ apiKey: API_KEY, apiBase: resend.url, retry: { ...FAST, attempts: 2 }, timeoutMs: 50 })
    await expect(
      client.sendEmail({ from: FROM, to: "ada@example.com", subject: "s", text: "t" })
    ).rejects.toMatchObject({ name: "RetryableError" })
    expect(resend.requests).toHaveLength(2)
  })
})
