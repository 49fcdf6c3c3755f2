import { logger } from "@medusajs/framework/logger"
import type { ProviderSendNotificationDTO } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"

import { asRecord } from "../../../../integration-tests/fakes/http-fake"
import { startFakeWhatsApp, type FakeWhatsApp } from "../../../../integration-tests/fakes/whatsapp"
import { WhatsAppApiError, WhatsAppCloudClient } from "../client"
import WhatsAppNotificationProviderService from "../service"

jest.setTimeout(30000)

const TOKEN = "EAAG_unit_whatsapp"
const PHONE_NUMBER_ID = "109876543210"
const TO = "+2348012345678"
const FAST = { baseDelayMs: 1, maxDelayMs: 5 }

const message = (overrides: Partial<ProviderSendNotificationDTO> = {}): ProviderSendNotificationDTO => ({
  to: TO,
  channel: "whatsapp",
  template: "admin-alert",
  data: { title: "New escalation", message: "A customer asked for a human." },
  ...overrides,
})

describe("WhatsApp notification provider", () => {
  let whatsapp: FakeWhatsApp
  let provider: WhatsAppNotificationProviderService

  beforeAll(async () => {
    whatsapp = await startFakeWhatsApp({ accessToken: TOKEN, phoneNumberId: PHONE_NUMBER_ID })
    provider = new WhatsAppNotificationProviderService(
      { logger },
      { accessToken: TOKEN, phoneNumberId: PHONE_NUMBER_ID, apiBase: whatsapp.url, retry: FAST }
    )
  })

  afterAll(async () => {
    await whatsapp.close()
  })

  beforeEach(() => whatsapp.reset())

  it("validates its options", () => {
    expect(() =>
      WhatsAppNotificationProviderService.validateOptions({ accessToken: TOKEN, phoneNumberId: PHONE_NUMBER_ID })
    ).not.toThrow()
    expect(() => WhatsAppNotificationProviderService.validateOptions({ accessToken: TOKEN })).toThrow(/phoneNumberId/)
    expect(() => WhatsAppNotificationProviderService.validateOptions({ phoneNumberId: "1" })).toThrow(/accessToken/)
  })

  it("posts a text message to apiBase's messages endpoint with the Bearer token, answering the wamid", async () => {
    const result = await provider.send(message())
    expect(whatsapp.requests).toHaveLength(1)
    const [request] = whatsapp.requests
    expect(request.method).toBe("POST")
    expect(request.path).toBe(`/v21.0/${PHONE_NUMBER_ID}/messages`)
    expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`)
    expect(request.body).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: "2348012345678",
      type: "text",
      text: { body: "Store alert: New escalation\nA customer asked for a human." },
    })
    expect(result.id).toMatch(/^wamid\./)
    expect(whatsapp.messages[0]).toMatchObject({ id: result.id, to: "2348012345678", type: "text" })
  })

  it("sends content.text when given", async () => {
    await provider.send(message({ content: { text: "Your code is 123456" } }))
    expect(whatsapp.lastTo(TO)?.text).toBe("Your code is 123456")
  })

  it("sends an approved template when data.whatsapp_template is given", async () => {
    const components = [{ type: "body", parameters: [{ type: "text", text: "ORD-1042" }] }]
    await provider.send(
      message({
        data: {
          title: "t",
          message: "m",
          whatsapp_template: { name: "order_update", language: "en", components },
        },
      })
    )
    expect(asRecord(whatsapp.requests[0].body)).toMatchObject({
      type: "template",
      template: { name: "order_update", language: { code: "en" }, components },
    })
    expect(whatsapp.messages[0]).toMatchObject({
      type: "template",
      template: { name: "order_update", language: "en", components },
    })
  })

  it("refuses a template without a name or language before calling Meta", async () => {
    await expect(
      provider.send(message({ data: { whatsapp_template: { name: "order_update" } } }))
    ).rejects.toMatchObject({ type: MedusaError.Types.INVALID_DATA, message: expect.stringContaining("language") })
    expect(whatsapp.requests).toHaveLength(0)
  })

  it("retries a 429 after its Retry-After and sends once", async () => {
    whatsapp.failNext(1, 429, { "Retry-After": "1" })
    const started = Date.now()
    await provider.send(message())
    expect(Date.now() - started).toBeGreaterThanOrEqual(950)
    expect(whatsapp.requests).toHaveLength(2)
    expect(whatsapp.messages).toHaveLength(1)
  })

  it("retries 5xx answers", async () => {
    whatsapp.failNext(2, 500)
    await provider.send(message())
    expect(whatsapp.requests).toHaveLength(3)
    expect(whatsapp.messages).toHaveLength(1)
  })

  it("fails a permanent refusal at once with Meta's message", async () => {
    whatsapp.rejectNumber(TO, { code: 131047, message: "(#131047) Re-engagement message" })
    const error = await provider.send(message()).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(MedusaError)
    expect(error).toMatchObject({
      type: MedusaError.Types.INVALID_DATA,
      message: expect.stringContaining("(#131047) Re-engagement message"),
    })
    expect(whatsapp.requests).toHaveLength(1)
  })

  it("treats Meta's throttling codes as transient even on HTTP 400", async () => {
    whatsapp.rejectNumber(TO, { code: 131056, message: "(#131056) pair rate limit hit" })
    await expect(provider.send(message())).rejects.toMatchObject({
      type: MedusaError.Types.UNEXPECTED_STATE,
      message: expect.stringContaining("pair rate limit hit"),
    })
    expect(whatsapp.requests).toHaveLength(4)
  })

  it("exposes Meta's error fields and rejects a bad token", async () => {
    const client = new WhatsAppCloudClient({
      accessToken: "wrong",
      phoneNumberId: PHONE_NUMBER_ID,
      apiBase: whatsapp.url,
    })
    const error = await client.sendText(TO, "hi").catch((e: unknown) => e)
    expect(error).toBeInstanceOf(WhatsAppApiError)
    expect(error).toMatchObject({ status: 401, vendorCode: 190, errorType: "OAuthException" })
    expect((error as WhatsAppApiError).fbtraceId).toEqual(expect.any(String))
  })

  it("sendTemplate answers the wamid and omits empty components", async () => {
    const client = new WhatsAppCloudClient({ accessToken: TOKEN, phoneNumberId: PHONE_NUMBER_ID, apiBase: whatsapp.url })
    const id = await client.sendTemplate("2348012345678", "hello_world", "en_US")
    expect(id).toBe(whatsapp.messages[0].id)
    expect(asRecord(whatsapp.requests[0].body).template).toEqual({ name: "hello_world", language: { code: "en_US" } })
  })
})
