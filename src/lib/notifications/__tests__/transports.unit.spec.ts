import { logger } from "@medusajs/framework/logger"

import { startFakeResend, type FakeResend } from "../../../../integration-tests/fakes/resend"
import { startFakeTwilio, type FakeTwilio } from "../../../../integration-tests/fakes/twilio"
import { startFakeWhatsApp, type FakeWhatsApp } from "../../../../integration-tests/fakes/whatsapp"
import { parseEnv } from "../../../config/env"
import {
  broadcastTransportsConfigFromEnv,
  createBroadcastTransports,
  type BroadcastTransportsConfig,
} from "../transports"
import type { BroadcastTransport, NotificationChannel, OutboundMessage } from "../types"

jest.setTimeout(30000)

const RESEND_KEY = "re_unit_transports"
const FROM = "Store <news@store.test>"
const TWILIO = { accountSid: "AC0123456789abcdef0123456789abcdef", authToken: "tok", from: "+15005550006" }
const WHATSAPP = { accessToken: "EAAG_unit_transports", phoneNumberId: "1055501234" }
const FAST = { baseDelayMs: 1, maxDelayMs: 5 }

const mail = (i: number, extra: Partial<OutboundMessage> = {}): OutboundMessage => ({
  to: `reader${i}@example.com`,
  subject: `Sale ${i}`,
  text: `Hello reader ${i}`,
  html: `<p>Hello reader ${i}</p>`,
  headers: { "List-Unsubscribe": `<https://shop.test/unsubscribe?token=t${i}>` },
  ...extra,
})

const phone = (i: number) => `+23480100000${String(i).padStart(2, "0")}`
const short = (i: number): OutboundMessage => ({ to: phone(i), text: `Sale on, reader ${i}` })

describe("broadcast transports", () => {
  let resend: FakeResend
  let twilio: FakeTwilio
  let whatsapp: FakeWhatsApp
  let transports: Record<NotificationChannel, BroadcastTransport>
  let config: BroadcastTransportsConfig

  beforeAll(async () => {
    ;[resend, twilio, whatsapp] = await Promise.all([
      startFakeResend({ apiKey: RESEND_KEY }),
      startFakeTwilio(TWILIO),
      startFakeWhatsApp(WHATSAPP),
    ])
    config = {
      logger,
      resend: { apiKey: RESEND_KEY, from: FROM, apiBase: resend.url },
      twilio: { ...TWILIO, apiBase: twilio.url },
      whatsapp: { ...WHATSAPP, apiBase: whatsapp.url },
      retry: FAST,
    }
    transports = createBroadcastTransports(config)
  })

  afterAll(async () => {
    await Promise.all([resend.close(), twilio.close(), whatsapp.close()])
  })

  beforeEach(() => {
    resend.reset()
    twilio.reset()
    whatsapp.reset()
  })

  it("describes each channel: live vendors, Resend's batch size of 100, 10 for one-by-one channels", () => {
    expect(
      Object.values(transports).map(({ channel, batchSize, mode }) => ({ channel, batchSize, mode }))
    ).toEqual([
      { channel: "email", batchSize: 100, mode: "live" },
      { channel: "sms", batchSize: 10, mode: "live" },
      { channel: "whatsapp", batchSize: 10, mode: "live" },
    ])
  })

  describe("email (Resend batch)", () => {
    it("sends a batch in one call, with headers, and answers one result per message in order", async () => {
      const messages = [1, 2, 3].map((i) => mail(i))
      const results = await transports.email.send(messages, "bcast_1_batch_1")

      const batchCalls = resend.requests.filter((r) => r.path === "/emails/batch")
      expect(batchCalls).toHaveLength(1)
      expect(batchCalls[0].headers["idempotency-key"]).toBe("bcast_1_batch_1")
      expect(batchCalls[0].headers["x-batch-validation"]).toBe("permissive")
      expect(resend.emails.map((e) => e.to[0])).toEqual(messages.map((m) => m.to))
      expect(results).toEqual(resend.emails.map((e) => ({ status: "sent", id: e.id })))
      expect(resend.emails[1]).toMatchObject({
        from: FROM,
        subject: "Sale 2",
        text: "Hello reader 2",
        html: "<p>Hello reader 2</p>",
        headers: { "List-Unsubscribe": "<https://shop.test/unsubscribe?token=t2>" },
        via: "batch",
      })
    })

    it("delivers once when the same batch is sent again with the same key", async () => {
      const messages = [1, 2].map((i) => mail(i))
      const first = await transports.email.send(messages, "bcast_1_batch_2")
      const again = await transports.email.send(messages, "bcast_1_batch_2")
      expect(again).toEqual(first)
      expect(resend.emails).toHaveLength(2)
      expect(resend.requests).toHaveLength(2)
    })

    it("fails only the address Resend refuses, with Resend's message", async () => {
      resend.rejectAddress("reader2@example.com")
      const results = await transports.email.send([1, 2, 3].map((i) => mail(i)), "bcast_1_batch_3")
      expect(results.map((r) => r.status)).toEqual(["sent", "failed", "sent"])
      expect(results[1]).toEqual({
        status: "failed",
        error: expect.stringContaining("reader2@example.com was rejected"),
      })
      expect(resend.emails.map((e) => e.to[0])).toEqual(["reader1@example.com", "reader3@example.com"])
      const ids = resend.emails.map((e) => e.id)
      expect([results[0], results[2]]).toEqual(ids.map((id) => ({ status: "sent", id })))
    })

    it("fails an email without a subject on its own", async () => {
      const results = await transports.email.send([mail(1), mail(2, { subject: undefined })], "bcast_1_batch_4")
      expect(results).toEqual([
        { status: "sent", id: resend.emails[0].id },
        { status: "failed", error: "An email needs a subject" },
      ])
    })

    it("retries a 429 after its Retry-After and then delivers each email once", async () => {
      resend.failNext(1, 429, { "Retry-After": "1" })
      const started = Date.now()
      const results = await transports.email.send([1, 2].map((i) => mail(i)), "bcast_1_batch_5")
      expect(Date.now() - started).toBeGreaterThanOrEqual(950)
      expect(results.map((r) => r.status)).toEqual(["sent", "sent"])
      expect(resend.requests).toHaveLength(2)
      expect(resend.emails).toHaveLength(2)
    })

    it("answers retry for every email when Resend stays down, after 4 tries", async () => {
      resend.failNext(10, 503)
      const results = await transports.email.send([1, 2].map((i) => mail(i)), "bcast_1_batch_6")
      expect(results).toEqual([
        { status: "retry", error: expect.stringContaining("503") },
        { status: "retry", error: expect.stringContaining("503") },
      ])
      expect(resend.requests).toHaveLength(4)
      expect(resend.emails).toHaveLength(0)
    })

    it("fails every email with Resend's message when the whole batch is refused", async () => {
      const [email] = Object.values(
        createBroadcastTransports({ ...config, resend: { apiKey: "re_wrong", from: FROM, apiBase: resend.url } })
      )
      const results = await email.send([1, 2].map((i) => mail(i)), "bcast_1_batch_7")
      expect(results).toEqual([
        { status: "failed", error: "Missing or invalid API key" },
        { status: "failed", error: "Missing or invalid API key" },
      ])
      expect(resend.requests).toHaveLength(1)
    })

    it("splits more than 100 messages into batches of 100", async () => {
      const messages = Array.from({ length: 150 }, (_, i) => mail(i))
      const results = await transports.email.send(messages, "bcast_big")
      const batches = resend.requests.filter((r) => r.path === "/emails/batch")
      expect(batches.map((r) => (r.body as unknown[]).length)).toEqual([100, 50])
      expect(batches.map((r) => r.headers["idempotency-key"])).toEqual(["bcast_big", "bcast_big_1"])
      expect(results.filter((r) => r.status === "sent")).toHaveLength(150)
      expect(resend.uniqueRecipientCount()).toBe(150)
    })
  })

  describe.each([
    ["sms", () => twilio as FakeTwilio | FakeWhatsApp],
    ["whatsapp", () => whatsapp as FakeTwilio | FakeWhatsApp],
  ] as const)("%s (one call per message)", (channel, fake) => {
    const delivered = () => fake().messages.map((m) => m.to.replace(/^\+?/, "+"))

    it("sends each message and answers the vendor's id", async () => {
      const results = await transports[channel].send([1, 2, 3].map(short), "bcast_2_batch_1")
      expect(fake().requests).toHaveLength(3)
      expect(delivered()).toEqual([phone(1), phone(2), phone(3)])
      expect(results).toEqual(fake().messages.map((m) => ({ status: "sent", id: "sid" in m ? m.sid : m.id })))
    })

    it("fails a refused number with the vendor's message and carries on", async () => {
      fake().rejectNumber(phone(2))
      const results = await transports[channel].send([1, 2, 3].map(short), "bcast_2_batch_2")
      expect(results.map((r) => r.status)).toEqual(["sent", "failed", "sent"])
      expect(results[1]).toMatchObject({
        status: "failed",
        error: channel === "sms" ? `Invalid 'To' Phone Number: ${phone(2)}` : "(#131026) Message undeliverable",
      })
      expect(delivered()).toEqual([phone(1), phone(3)])
    })

    it("retries a 429 after its Retry-After and sends once", async () => {
      fake().failNext(1, 429, { "Retry-After": "1" })
      const started = Date.now()
      const results = await transports[channel].send([short(1)], "bcast_2_batch_3")
      expect(Date.now() - started).toBeGreaterThanOrEqual(950)
      expect(results.map((r) => r.status)).toEqual(["sent"])
      expect(fake().requests).toHaveLength(2)
      expect(delivered()).toEqual([phone(1)])
    })

    it("stops calling a provider that stays down: that message and every later one are retry", async () => {
      fake().failNext(100, 503, {}, { after: 1 })
      const results = await transports[channel].send([1, 2, 3, 4].map(short), "bcast_2_batch_4")
      expect(results.map((r) => r.status)).toEqual(["sent", "retry", "retry", "retry"])
      expect(results[1]).toMatchObject({ error: expect.stringContaining("503") })
      // One success, then 4 tries for the second message, and nothing for the rest.
      expect(fake().requests).toHaveLength(5)
      expect(delivered()).toEqual([phone(1)])
    })
  })

  describe("without vendor keys", () => {
    it("logs each message and reports it sent with a local id", async () => {
      const info = jest.spyOn(logger, "info").mockImplementation(() => undefined)
      try {
        const local = createBroadcastTransports({ logger })
        expect(Object.values(local).map((t) => `${t.channel}:${t.mode}:${t.batchSize}`)).toEqual([
          "email:local:100",
          "sms:local:10",
          "whatsapp:local:10",
        ])
        const results = await local.sms.send([short(1), short(2)], "bcast_local")
        expect(results).toEqual([
          { status: "sent", id: expect.stringMatching(/^local_[0-9a-f-]{36}$/) },
          { status: "sent", id: expect.stringMatching(/^local_[0-9a-f-]{36}$/) },
        ])
        expect(info).toHaveBeenCalledTimes(2)
        expect(String(info.mock.calls[0][0])).toContain(`to=${phone(1)}`)
        expect(String(info.mock.calls[0][0])).toContain("Sale on, reader 1")
        expect(twilio.requests).toHaveLength(0)
      } finally {
        info.mockRestore()
      }
    })
  })

  describe("broadcastTransportsConfigFromEnv", () => {
    it("makes a vendor live only when all its keys are set", () => {
      const modes = (vars: Record<string, string>) =>
        Object.values(createBroadcastTransports(broadcastTransportsConfigFromEnv(parseEnv(vars), logger))).map(
          (t) => `${t.channel}=${t.mode}`
        )
      expect(modes({})).toEqual(["email=local", "sms=local", "whatsapp=local"])
      expect(
        modes({
          RESEND_API_KEY: "re_x",
          TWILIO_ACCOUNT_SID: TWILIO.accountSid,
          TWILIO_AUTH_TOKEN: "tok",
          WHATSAPP_ACCESS_TOKEN: "EAAG",
        })
      ).toEqual(["email=live", "sms=local", "whatsapp=local"])
      expect(
        modes({
          TWILIO_ACCOUNT_SID: TWILIO.accountSid,
          TWILIO_AUTH_TOKEN: "tok",
          TWILIO_FROM: "+15005550006",
          WHATSAPP_ACCESS_TOKEN: "EAAG",
          WHATSAPP_PHONE_NUMBER_ID: "1",
        })
      ).toEqual(["email=local", "sms=live", "whatsapp=live"])
    })

    it("passes the API bases and the sender through", () => {
      const config = broadcastTransportsConfigFromEnv(
        parseEnv({ RESEND_API_KEY: "re_x", RESEND_API_BASE: "http://127.0.0.1:1", EMAIL_FROM: FROM }),
        logger
      )
      expect(config.resend).toEqual({ apiKey: "re_x", from: FROM, apiBase: "http://127.0.0.1:1" })
    })
  })
})
