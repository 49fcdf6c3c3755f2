import { createHmac } from "node:crypto"

import StripeProviderService from "@medusajs/payment-stripe/dist/services/stripe-provider"
import type { StripeOptions } from "@medusajs/payment-stripe/dist/types"
import { Resend } from "resend"
import { PostHog } from "posthog-node"
import Stripe from "stripe"
import twilioSdk from "twilio"
import type RequestClient from "twilio/lib/base/RequestClient"

import { asRecord, startHttpFake, type HttpFake } from "../http-fake"
import { startFakePaystack, type FakePaystack } from "../paystack"
import { startFakePostHog, type FakePostHog } from "../posthog"
import { startFakeResend, type FakeResend } from "../resend"
import { startFakeStripe, type FakeStripe } from "../stripe"
import { startFakeTwilio, type FakeTwilio } from "../twilio"
import { startFakeWhatsApp, type FakeWhatsApp } from "../whatsapp"

jest.setTimeout(30000)

interface PaystackEnvelope {
  status: boolean
  message: string
  data?: Record<string, unknown>
}

describe("http-fake base", () => {
  let fake: HttpFake

  beforeAll(async () => {
    fake = await startHttpFake((request) => ({
      status: 200,
      body: { echo: request.body, query: request.query },
    }))
  })

  afterAll(async () => {
    await fake.close()
  })

  beforeEach(() => fake.reset())

  it("listens on 127.0.0.1 with a random port", () => {
    expect(fake.port).toBeGreaterThan(0)
    expect(fake.url).toBe(`http://127.0.0.1:${fake.port}`)
  })

  it("decodes Stripe-style bracket notation in forms and query strings", async () => {
    const form =
      "amount=2000&metadata[session_id]=payses_1&metadata[note]=a%20b" +
      "&expand[0]=payment_method&expand[1]=latest_charge" +
      "&payment_method_types[]=card&address[line1]=1+Main+St" +
      "&items[0][price]=p_1&items[0][quantity]=2&items[1][price]=p_2"
    const res = await fetch(`${fake.url}/v1/things?expand[0]=customer&a[b]=c`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: form,
    })
    expect(res.status).toBe(200)
    const recorded = fake.requests[0]
    expect(recorded.method).toBe("POST")
    expect(recorded.path).toBe("/v1/things")
    expect(recorded.rawBody).toBe(form)
    expect(recorded.query).toEqual({ expand: ["customer"], a: { b: "c" } })
    expect(recorded.body).toEqual({
      amount: "2000",
      metadata: { session_id: "payses_1", note: "a b" },
      expand: ["payment_method", "latest_charge"],
      payment_method_types: ["card"],
      address: { line1: "1 Main St" },
      items: [{ price: "p_1", quantity: "2" }, { price: "p_2" }],
    })
  })

  it("parses JSON bodies and records headers", async () => {
    await fetch(`${fake.url}/json`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-test": "yes" },
      body: JSON.stringify({ a: [1, { b: true }] }),
    })
    expect(fake.requests[0].body).toEqual({ a: [1, { b: true }] })
    expect(fake.requests[0].headers["x-test"]).toBe("yes")
  })

  it("failNext answers the next N requests with the given status", async () => {
    fake.failNext(2, 503)
    const statuses: number[] = []
    for (let i = 0; i < 3; i++) {
      statuses.push((await fetch(`${fake.url}/x`)).status)
    }
    expect(statuses).toEqual([503, 503, 200])
    expect(fake.requests).toHaveLength(3)
    fake.reset()
    expect(fake.requests).toHaveLength(0)
  })

  it("failNext can add headers such as Retry-After, and start after some successes", async () => {
    fake.failNext(1, 429, { "Retry-After": "1" }, { after: 2 })
    const responses: Response[] = []
    for (let i = 0; i < 4; i++) {
      responses.push(await fetch(`${fake.url}/x`))
    }
    expect(responses.map((r) => r.status)).toEqual([200, 200, 429, 200])
    expect(responses[2].headers.get("retry-after")).toBe("1")
    expect(responses[3].headers.get("retry-after")).toBeNull()
  })

  it("setLatency delays every answer until reset", async () => {
    fake.setLatency(150)
    let started = Date.now()
    await fetch(`${fake.url}/slow`)
    expect(Date.now() - started).toBeGreaterThanOrEqual(140)
    fake.reset()
    started = Date.now()
    await fetch(`${fake.url}/fast`)
    expect(Date.now() - started).toBeLessThan(140)
  })
})

describe("fake Resend", () => {
  const apiKey = "re_test_fake_resend"
  let resend: FakeResend
  let sdk: Resend

  const email = (to: string, subject = "Hi") => ({
    from: "Store <news@store.test>",
    to: [to],
    subject,
    text: `Hello ${to}`,
  })

  beforeAll(async () => {
    resend = await startFakeResend({ apiKey })
    sdk = new Resend(apiKey, { baseUrl: resend.url })
  })

  afterAll(async () => {
    await resend.close()
  })

  beforeEach(() => resend.reset())

  it("sends single emails and records them with their headers", async () => {
    const { data, error } = await sdk.emails.send({
      ...email("ada@example.com"),
      headers: { "List-Unsubscribe": "<https://shop.test/u>" },
    })
    expect(error).toBeNull()
    expect(resend.emails).toEqual([
      expect.objectContaining({
        id: data?.id,
        to: ["ada@example.com"],
        subject: "Hi",
        headers: { "List-Unsubscribe": "<https://shop.test/u>" },
        via: "emails",
      }),
    ])
    expect(resend.lastTo("ada@example.com")?.id).toBe(data?.id)
  })

  it("sends a batch and answers the ids in order", async () => {
    const batch = ["a@example.com", "b@example.com", "a@example.com"].map((to) => email(to))
    const { data, error } = await sdk.batch.send(batch)
    expect(error).toBeNull()
    expect(data?.data).toEqual(resend.emails.map((e) => ({ id: e.id })))
    expect(resend.emails.map((e) => [e.to[0], e.via])).toEqual([
      ["a@example.com", "batch"],
      ["b@example.com", "batch"],
      ["a@example.com", "batch"],
    ])
    expect(resend.uniqueRecipientCount()).toBe(2)
  })

  it("refuses an empty batch and one over 100 emails with a 422", async () => {
    const tooMany = Array.from({ length: 101 }, (_, i) => email(`r${i}@example.com`))
    for (const batch of [[], tooMany]) {
      const { error } = await sdk.batch.send(batch)
      expect(error).toMatchObject({ statusCode: 422, name: "validation_error" })
    }
    expect(resend.emails).toHaveLength(0)
  })

  it("strict mode refuses the whole batch for one rejected address; permissive mode sends the rest", async () => {
    resend.rejectAddress("bad@example.com")
    const batch = [email("ok@example.com"), email("bad@example.com"), email("also-ok@example.com")]

    const strict = await sdk.batch.send(batch)
    expect(strict.error).toMatchObject({ statusCode: 422, message: expect.stringContaining("bad@example.com") })
    expect(resend.emails).toHaveLength(0)

    const permissive = await sdk.batch.send(batch, { batchValidation: "permissive" })
    expect(permissive.error).toBeNull()
    expect(permissive.data?.data).toEqual(resend.emails.map((e) => ({ id: e.id })))
    expect(permissive.data?.errors).toEqual([{ index: 1, message: expect.stringContaining("bad@example.com") }])
    expect(resend.emails.map((e) => e.to[0])).toEqual(["ok@example.com", "also-ok@example.com"])

    const single = await sdk.emails.send(email("bad@example.com"))
    expect(single.error).toMatchObject({ statusCode: 422, name: "validation_error" })

    resend.acceptAddress("bad@example.com")
    expect((await sdk.emails.send(email("bad@example.com"))).error).toBeNull()
    expect(resend.lastTo("bad@example.com")).toBeDefined()
  })

  it("honours Idempotency-Key for a whole batch: same ids, nothing sent again; 409 for another payload", async () => {
    const batch = [email("a@example.com"), email("b@example.com")]
    const first = await sdk.batch.send(batch, { idempotencyKey: "bcast-1-batch-1" })
    const again = await sdk.batch.send(batch, { idempotencyKey: "bcast-1-batch-1" })
    expect(again.data).toEqual(first.data)
    expect(resend.emails).toHaveLength(2)

    const other = await sdk.batch.send([email("c@example.com")], { idempotencyKey: "bcast-1-batch-1" })
    expect(other.error).toMatchObject({ statusCode: 409, name: "invalid_idempotent_request" })
    expect(resend.emails).toHaveLength(2)
  })

  it("answers Resend-shaped errors for a bad key, failNext and its Retry-After", async () => {
    const wrong = new Resend("re_wrong", { baseUrl: resend.url })
    expect((await wrong.emails.send(email("a@example.com"))).error).toMatchObject({
      statusCode: 401,
      name: "missing_api_key",
    })

    resend.failNext(1, 429, { "Retry-After": "1" })
    const limited = await sdk.batch.send([email("a@example.com")])
    expect(limited.error).toMatchObject({ statusCode: 429, name: "rate_limit_exceeded" })
    expect(limited.headers?.["retry-after"]).toBe("1")

    resend.failNext(1, 502)
    expect((await sdk.emails.send(email("a@example.com"))).error).toMatchObject({
      statusCode: 502,
      name: "internal_server_error",
    })
    expect(resend.emails).toHaveLength(0)
  })
})

describe("fake Twilio", () => {
  const accountSid = "AC11111111111111111111111111111111"
  const authToken = "twilio_fake_token"
  let twilio: FakeTwilio

  const post = (form: Record<string, string>, auth = `${accountSid}:${authToken}`) =>
    fetch(`${twilio.url}/2010-04-01/Accounts/${accountSid}/Messages.json`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(auth).toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams(form).toString(),
    })

  beforeAll(async () => {
    twilio = await startFakeTwilio({ accountSid, authToken })
  })

  afterAll(async () => {
    await twilio.close()
  })

  beforeEach(() => twilio.reset())

  it("accepts a message with 201 and Twilio's message resource", async () => {
    const res = await post({ To: "+2348011111111", From: "+15005550006", Body: "Hello" })
    expect(res.status).toBe(201)
    const body = (await res.json()) as Record<string, unknown>
    expect(body).toMatchObject({
      account_sid: accountSid,
      to: "+2348011111111",
      from: "+15005550006",
      body: "Hello",
      status: "queued",
      direction: "outbound-api",
      num_segments: "1",
    })
    expect(body.sid).toMatch(/^SM[0-9a-f]{32}$/)
    expect(twilio.messages).toEqual([
      { sid: body.sid, to: "+2348011111111", from: "+15005550006", body: "Hello", status: "queued" },
    ])
  })

  it("works with the twilio SDK through a custom host", async () => {
    class Rebased extends twilioSdk.RequestClient {
      request<T>(opts: RequestClient.RequestOptions<T>) {
        return super.request<T>({ ...opts, uri: opts.uri.replace("https://api.twilio.com", twilio.url) })
      }
    }
    const client = twilioSdk(accountSid, authToken, { httpClient: new Rebased() })
    const message = await client.messages.create({ to: "+2348022222222", from: "+15005550006", body: "Via SDK" })
    expect(message.sid).toBe(twilio.lastTo("+2348022222222")?.sid)
    expect(message.status).toBe("queued")

    const refused = await client.messages.create({ to: "123", from: "+15005550006", body: "x" }).catch((e) => e)
    expect(refused).toBeInstanceOf(twilioSdk.RestException)
    expect(refused).toMatchObject({ status: 400, code: 21211, moreInfo: "https://www.twilio.com/docs/errors/21211" })
  })

  it("answers Twilio-shaped errors: bad auth, missing fields, invalid or rejected number, failNext", async () => {
    const expectError = async (res: Response, status: number, code: number) => {
      expect(res.status).toBe(status)
      expect(await res.json()).toMatchObject({ status, code, message: expect.any(String), more_info: expect.any(String) })
    }
    await expectError(await post({ To: "+2348011111111", From: "+1", Body: "x" }, `${accountSid}:wrong`), 401, 20003)
    await expectError(await post({ From: "+15005550006", Body: "x" }), 400, 21604)
    await expectError(await post({ To: "+2348011111111", From: "+15005550006" }), 400, 21602)
    await expectError(await post({ To: "08011111111", From: "+15005550006", Body: "x" }), 400, 21211)
    twilio.rejectNumber("+2348033333333")
    await expectError(await post({ To: "+2348033333333", From: "+15005550006", Body: "x" }), 400, 21211)
    twilio.failNext(1, 429, { "Retry-After": "2" })
    const limited = await post({ To: "+2348011111111", From: "+15005550006", Body: "x" })
    expect(limited.headers.get("retry-after")).toBe("2")
    await expectError(limited, 429, 20429)
    expect(twilio.messages).toHaveLength(0)
    expect(twilio.uniqueRecipientCount()).toBe(0)
  })
})

describe("fake PostHog", () => {
  const apiKey = "phc_fake_project_key"
  let posthog: FakePostHog

  beforeAll(async () => {
    posthog = await startFakePostHog({ apiKey })
  })

  afterAll(async () => {
    await posthog.close()
  })

  beforeEach(() => posthog.reset())

  it("ingests posthog-node's batches, gzipped or plain", async () => {
    for (const disableCompression of [false, true]) {
      const client = new PostHog(apiKey, { host: posthog.url, flushAt: 1, disableCompression })
      client.capture({ event: "order_placed", distinctId: "cus_1", properties: { total: "38000.00", compressed: !disableCompression } })
      await client.shutdown()
    }
    expect(posthog.requests.map((r) => [r.path, r.headers["content-encoding"]])).toEqual([
      ["/batch/", "gzip"],
      ["/batch/", undefined],
    ])
    expect(posthog.named("order_placed")).toEqual([
      expect.objectContaining({ distinct_id: "cus_1", via: "batch", properties: expect.objectContaining({ total: "38000.00", compressed: true }) }),
      expect.objectContaining({ distinct_id: "cus_1", via: "batch", properties: expect.objectContaining({ compressed: false }) }),
    ])
  })

  it("refuses a wrong key or an event without a name or distinct id, whole batch, with PostHog's error body", async () => {
    const batch = async (body: unknown) => {
      const res = await fetch(`${posthog.url}/batch/`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      })
      return { status: res.status, body: (await res.json()) as Record<string, unknown> }
    }
    const good = { event: "cart_created", distinct_id: "anon" }
    expect(await batch({ api_key: "phc_wrong", batch: [good] })).toMatchObject({
      status: 401,
      body: { type: "authentication_error", code: "invalid_api_key" },
    })
    expect(await batch({ api_key: apiKey, batch: [good, { event: "x" }] })).toMatchObject({
      status: 400,
      body: { type: "validation_error", detail: expect.stringContaining("distinct_id") },
    })
    expect(await batch({ api_key: apiKey, batch: [good, { distinct_id: "a" }] })).toMatchObject({ status: 400 })
    expect(posthog.events).toEqual([])
    const uuid = "0191f1a2-0000-7000-8000-000000000001"
    expect(await batch({ api_key: apiKey, batch: [{ ...good, uuid }] })).toEqual({ status: 200, body: { status: "Ok" } })
    // A redelivered batch (the SDK retries after a failure) is stored once.
    await batch({ api_key: apiKey, batch: [{ ...good, uuid }] })
    expect(posthog.named("cart_created")).toHaveLength(1)
  })

  it("lets posthog-node retry through an injected outage", async () => {
    posthog.failNext(1, 503)
    const client = new PostHog(apiKey, { host: posthog.url, flushAt: 1, fetchRetryDelay: 10 })
    client.capture({ event: "payment_captured", distinctId: "cus_2" })
    await client.shutdown()
    expect(posthog.requests.length).toBe(2)
    expect(posthog.named("payment_captured")).toHaveLength(1)
  })
})

describe("fake WhatsApp Cloud API", () => {
  const accessToken = "EAAG_fake_whatsapp"
  const phoneNumberId = "1098765"
  let whatsapp: FakeWhatsApp

  const post = (body: unknown, token = accessToken, path = `/v21.0/${phoneNumberId}/messages`) =>
    fetch(`${whatsapp.url}${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    })

  beforeAll(async () => {
    whatsapp = await startFakeWhatsApp({ accessToken, phoneNumberId })
  })

  afterAll(async () => {
    await whatsapp.close()
  })

  beforeEach(() => whatsapp.reset())

  it("accepts text and template messages with the Cloud API's answer", async () => {
    const text = await post({ messaging_product: "whatsapp", to: "+2348011111111", type: "text", text: { body: "Hi" } })
    expect(text.status).toBe(200)
    const answer = (await text.json()) as { messages: { id: string }[] }
    expect(answer).toEqual({
      messaging_product: "whatsapp",
      contacts: [{ input: "+2348011111111", wa_id: "2348011111111" }],
      messages: [{ id: expect.stringMatching(/^wamid\./) }],
    })

    const components = [{ type: "body", parameters: [{ type: "text", text: "ORD-1" }] }]
    const template = await post({
      messaging_product: "whatsapp",
      to: "2348022222222",
      type: "template",
      template: { name: "order_update", language: { code: "en" }, components },
    })
    expect(template.status).toBe(200)
    expect(whatsapp.messages).toEqual([
      { id: answer.messages[0].id, to: "2348011111111", type: "text", text: "Hi" },
      {
        id: expect.stringMatching(/^wamid\./),
        to: "2348022222222",
        type: "template",
        template: { name: "order_update", language: "en", components },
      },
    ])
    expect(whatsapp.lastTo("+2348022222222")?.type).toBe("template")
    expect(whatsapp.uniqueRecipientCount()).toBe(2)
  })

  it("answers Meta-shaped errors: bad token, bad payload, rejected number, failNext", async () => {
    const expectError = async (res: Response, status: number, code: number) => {
      expect(res.status).toBe(status)
      const body = (await res.json()) as { error: Record<string, unknown> }
      expect(body.error).toMatchObject({ code, message: expect.any(String), type: expect.any(String) })
      expect(body.error.fbtrace_id).toEqual(expect.any(String))
    }
    const hi = { messaging_product: "whatsapp", to: "2348011111111", type: "text", text: { body: "Hi" } }
    await expectError(await post(hi, "wrong"), 401, 190)
    await expectError(await post(hi, accessToken, "/v21.0/999/messages"), 400, 100)
    await expectError(await post({ ...hi, messaging_product: undefined }), 400, 100)
    await expectError(await post({ ...hi, text: {} }), 400, 100)
    whatsapp.rejectNumber("+2348011111111")
    await expectError(await post(hi), 400, 131026)
    whatsapp.reset()
    whatsapp.failNext(1, 429, { "Retry-After": "1" })
    const limited = await post(hi)
    expect(limited.headers.get("retry-after")).toBe("1")
    await expectError(limited, 429, 130429)
    whatsapp.failNext(1, 500)
    await expectError(await post(hi), 500, 131000)
    expect(whatsapp.messages).toHaveLength(0)
  })
})

describe("fake Paystack", () => {
  const secretKey = "sk_test_paystack_secret"
  let paystack: FakePaystack

  const call = async (
    method: string,
    path: string,
    body?: unknown,
    key = secretKey
  ): Promise<{ status: number; json: PaystackEnvelope }> => {
    const res = await fetch(`${paystack.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        "content-type": "application/json",
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return { status: res.status, json: (await res.json()) as PaystackEnvelope }
  }

  beforeAll(async () => {
    paystack = await startFakePaystack({ secretKey })
  })

  afterAll(async () => {
    await paystack.close()
  })

  beforeEach(() => paystack.reset())

  it("initializes, verifies and refunds a transaction", async () => {
    const init = await call("POST", "/transaction/initialize", {
      email: "ada@example.com",
      amount: 500000,
      currency: "NGN",
      reference: "order-123.a=1",
      metadata: { cart_id: "cart_1" },
    })
    expect(init.status).toBe(200)
    expect(init.json.status).toBe(true)
    expect(init.json.message).toBe("Authorization URL created")
    const accessCode = String(init.json.data?.access_code)
    expect(init.json.data).toEqual({
      authorization_url: `https://checkout.paystack.com/${accessCode}`,
      access_code: accessCode,
      reference: "order-123.a=1",
    })

    const pending = await call("GET", "/transaction/verify/order-123.a%3D1")
    expect(pending.status).toBe(200)
    expect(pending.json.message).toBe("Verification successful")
    expect(pending.json.data?.status).toBe("abandoned")
    expect(pending.json.data?.paid_at).toBeNull()

    paystack.markPaid("order-123.a=1")
    const verified = await call("GET", "/transaction/verify/order-123.a=1")
    const data = verified.json.data ?? {}
    expect(Number.isInteger(data.id)).toBe(true)
    expect(data).toMatchObject({
      status: "success",
      reference: "order-123.a=1",
      amount: 500000,
      currency: "NGN",
      channel: "card",
      customer: { email: "ada@example.com" },
      metadata: { cart_id: "cart_1" },
    })
    expect(typeof data.paid_at).toBe("string")

    const partial = await call("POST", "/refund", {
      transaction: "order-123.a=1",
      amount: 200000,
    })
    expect(partial.status).toBe(200)
    expect(partial.json.message).toBe("Refund has been queued for processing")
    expect(partial.json.data).toMatchObject({
      transaction: { id: data.id, reference: "order-123.a=1" },
      amount: 200000,
      currency: "NGN",
      status: "pending",
    })

    const tooMuch = await call("POST", "/refund", {
      transaction: data.id,
      amount: 300001,
    })
    expect(tooMuch.status).toBe(400)
    expect(tooMuch.json.status).toBe(false)

    const rest = await call("POST", "/refund", { transaction: String(data.id) })
    expect(rest.json.data?.amount).toBe(300000)
    expect(paystack.refunds).toHaveLength(2)

    const none = await call("POST", "/refund", { transaction: data.id })
    expect(none.status).toBe(400)
  })

  it("accepts numeric-string amounts and generates references", async () => {
    const init = await call("POST", "/transaction/initialize", {
      email: "b@example.com",
      amount: "25000",
    })
    expect(init.status).toBe(200)
    const reference = String(init.json.data?.reference)
    expect(reference).toMatch(/^[a-z0-9]+$/)
    expect(paystack.transactions.get(reference)?.amount).toBe(25000)
  })

  it("validates input", async () => {
    const badEmail = await call("POST", "/transaction/initialize", {
      email: "nope",
      amount: 100,
    })
    expect(badEmail).toEqual({
      status: 400,
      json: { status: false, message: expect.any(String) },
    })
    for (const amount of [0, -5, 10.5, "abc", undefined]) {
      const res = await call("POST", "/transaction/initialize", {
        email: "a@example.com",
        amount,
      })
      expect(res.status).toBe(400)
      expect(res.json.status).toBe(false)
    }
    const badRef = await call("POST", "/transaction/initialize", {
      email: "a@example.com",
      amount: 100,
      reference: "payses_01",
    })
    expect(badRef.status).toBe(400)

    await call("POST", "/transaction/initialize", {
      email: "a@example.com",
      amount: 100,
      reference: "dup",
    })
    const dup = await call("POST", "/transaction/initialize", {
      email: "a@example.com",
      amount: 100,
      reference: "dup",
    })
    expect(dup).toEqual({
      status: 400,
      json: { status: false, message: "Duplicate Transaction Reference" },
    })

    const unknown = await call("GET", "/transaction/verify/missing")
    expect(unknown).toEqual({
      status: 400,
      json: { status: false, message: "Transaction reference not found" },
    })
  })

  it("rejects a bad or missing key with 401", async () => {
    const bad = await call(
      "POST",
      "/transaction/initialize",
      { email: "a@example.com", amount: 100 },
      "sk_test_wrong"
    )
    expect(bad).toEqual({
      status: 401,
      json: { status: false, message: "Invalid key" },
    })
    const res = await fetch(`${paystack.url}/transaction/verify/x`)
    expect(res.status).toBe(401)
  })

  it("failNext returns Paystack-shaped errors then recovers", async () => {
    paystack.failNext(1)
    const failed = await call("POST", "/transaction/initialize", {
      email: "a@example.com",
      amount: 100,
      reference: "retry-1",
    })
    expect(failed.status).toBe(500)
    expect(failed.json.status).toBe(false)
    expect(paystack.transactions.size).toBe(0)
    const retried = await call("POST", "/transaction/initialize", {
      email: "a@example.com",
      amount: 100,
      reference: "retry-1",
    })
    expect(retried.status).toBe(200)
    expect(paystack.requests).toHaveLength(2)
    expect(paystack.requests[1].body).toMatchObject({ reference: "retry-1" })
  })

  it("signs webhook events with HMAC-SHA512 of the exact body", async () => {
    const custom = paystack.signedEvent("transfer.success", { id: 1 })
    expect(JSON.parse(custom.body)).toEqual({
      event: "transfer.success",
      data: { id: 1 },
    })
    expect(custom.headers["content-type"]).toBe("application/json")
    expect(custom.headers["x-paystack-signature"]).toBe(
      createHmac("sha512", secretKey).update(custom.body).digest("hex")
    )

    await call("POST", "/transaction/initialize", {
      email: "c@example.com",
      amount: 150000,
      reference: "hook-1",
      metadata: JSON.stringify({ session_id: "s1" }),
    })
    const charge = paystack.chargeSuccessEvent("hook-1")
    expect(charge.headers["x-paystack-signature"]).toBe(
      createHmac("sha512", secretKey).update(charge.body).digest("hex")
    )
    const parsed = asRecord(JSON.parse(charge.body))
    expect(parsed.event).toBe("charge.success")
    expect(parsed.data).toMatchObject({
      status: "success",
      reference: "hook-1",
      amount: 150000,
      currency: "NGN",
      channel: "card",
      metadata: { session_id: "s1" },
      customer: { email: "c@example.com" },
    })
    expect(paystack.transactions.get("hook-1")?.status).toBe("success")

    const refund = await call("POST", "/refund", { transaction: "hook-1" })
    const refundId = Number(refund.json.data?.id)
    const processed = paystack.refundProcessedEvent(refundId)
    expect(processed.headers["x-paystack-signature"]).toBe(
      createHmac("sha512", secretKey).update(processed.body).digest("hex")
    )
    expect(JSON.parse(processed.body)).toMatchObject({
      event: "refund.processed",
      data: {
        status: "processed",
        transaction_reference: "hook-1",
        amount: 150000,
        currency: "NGN",
      },
    })
    expect(paystack.refunds[0].status).toBe("processed")
  })
})

describe("fake Stripe", () => {
  const webhookSecret = "whsec_test_secret"
  let fake: FakeStripe
  let stripe: Stripe

  const errorOf = async (promise: Promise<unknown>) => {
    try {
      await promise
    } catch (error) {
      return error
    }
    throw new Error("expected the call to fail")
  }

  beforeAll(async () => {
    fake = await startFakeStripe({ webhookSecret })
    stripe = new Stripe("sk_test_fake", {
      ...fake.clientConfig,
      maxNetworkRetries: 0,
    })
  })

  afterAll(async () => {
    await fake.close()
  })

  beforeEach(() => fake.reset())

  it("creates, confirms, captures and refunds a manual-capture intent", async () => {
    const customer = await stripe.customers.create({
      email: "ada@example.com",
      name: "Ada",
      address: { city: "Lagos", country: "NG", line1: "1 Marina" },
    })
    expect(customer.id).toMatch(/^cus_/)
    expect(customer.address?.city).toBe("Lagos")

    const intent = await stripe.paymentIntents.create({
      amount: 2599,
      currency: "usd",
      capture_method: "manual",
      customer: customer.id,
      metadata: { session_id: "payses_123" },
      expand: ["payment_method"],
    })
    expect(intent).toMatchObject({
      object: "payment_intent",
      amount: 2599,
      amount_received: 0,
      currency: "usd",
      status: "requires_payment_method",
      capture_method: "manual",
      customer: customer.id,
      metadata: { session_id: "payses_123" },
      latest_charge: null,
      payment_method: null,
    })
    expect(intent.id).toMatch(/^pi_/)
    expect(intent.client_secret).toMatch(new RegExp(`^${intent.id}_secret_`))

    const createRequest = fake.requests.find(
      (r) => r.method === "POST" && r.path === "/v1/payment_intents"
    )
    expect(createRequest?.body).toMatchObject({
      amount: "2599",
      metadata: { session_id: "payses_123" },
      expand: ["payment_method"],
    })

    fake.confirmPaymentIntent(intent.id)
    const authorized = await stripe.paymentIntents.retrieve(intent.id, {
      expand: ["payment_method", "latest_charge"],
    })
    expect(authorized.status).toBe("requires_capture")
    expect(authorized.amount_capturable).toBe(2599)
    const pm = authorized.payment_method
    expect(typeof pm === "object" && pm?.object).toBe("payment_method")
    const charge = authorized.latest_charge
    expect(typeof charge === "object" && charge?.captured).toBe(false)

    const captured = await stripe.paymentIntents.capture(intent.id)
    expect(captured.status).toBe("succeeded")
    expect(captured.amount_received).toBe(2599)
    expect(captured.amount_capturable).toBe(0)

    const refund = await stripe.refunds.create({
      payment_intent: intent.id,
      amount: 1000,
    })
    expect(refund).toMatchObject({
      object: "refund",
      amount: 1000,
      currency: "usd",
      payment_intent: intent.id,
      status: "succeeded",
    })

    const tooLarge = await errorOf(
      stripe.refunds.create({ payment_intent: intent.id, amount: 1600 })
    )
    expect(tooLarge).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError)
    expect(tooLarge).toMatchObject({
      code: "amount_too_large",
      statusCode: 400,
    })

    await stripe.refunds.create({ payment_intent: intent.id })
    const again = await errorOf(
      stripe.refunds.create({ payment_intent: intent.id })
    )
    expect(again).toMatchObject({ code: "charge_already_refunded" })
    const chargeId = String(captured.latest_charge)
    expect(fake.charges.get(chargeId)).toMatchObject({
      amount_refunded: 2599,
      refunded: true,
    })
  })

  it("automatic capture goes straight to succeeded; capture/cancel then fail with the intent attached", async () => {
    const intent = await stripe.paymentIntents.create({
      amount: 5000,
      currency: "usd",
    })
    expect(intent.capture_method).toBe("automatic")
    const confirmed = fake.confirmPaymentIntent(intent.id)
    expect(confirmed.status).toBe("succeeded")
    expect(confirmed.amount_received).toBe(5000)
    expect(confirmed.latest_charge).toMatch(/^ch_/)

    const captureError = await errorOf(stripe.paymentIntents.capture(intent.id))
    expect(captureError).toMatchObject({
      code: "payment_intent_unexpected_state",
      payment_intent: { id: intent.id, status: "succeeded" },
    })
    const cancelError = await errorOf(stripe.paymentIntents.cancel(intent.id))
    expect(cancelError).toMatchObject({
      code: "payment_intent_unexpected_state",
    })
    const updateError = await errorOf(
      stripe.paymentIntents.update(intent.id, { amount: 6000 })
    )
    expect(updateError).toMatchObject({
      code: "payment_intent_unexpected_state",
    })
  })

  it("updates and cancels an open intent", async () => {
    const intent = await stripe.paymentIntents.create({
      amount: 1000,
      currency: "eur",
      capture_method: "manual",
    })
    const updated = await stripe.paymentIntents.update(intent.id, {
      amount: 1500,
      metadata: { extra: "1" },
    })
    expect(updated.amount).toBe(1500)
    expect(updated.metadata).toEqual({ extra: "1" })
    const canceled = await stripe.paymentIntents.cancel(intent.id)
    expect(canceled.status).toBe("canceled")
    expect(typeof canceled.canceled_at).toBe("number")
    const twice = await errorOf(stripe.paymentIntents.cancel(intent.id))
    expect(twice).toMatchObject({
      code: "payment_intent_unexpected_state",
      payment_intent: { status: "canceled" },
    })
  })

  it("answers Stripe-shaped errors for unknown ids and bad params", async () => {
    const missing = await errorOf(stripe.paymentIntents.retrieve("pi_missing"))
    expect(missing).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError)
    expect(missing).toMatchObject({
      statusCode: 404,
      code: "resource_missing",
      type: "StripeInvalidRequestError",
    })
    const noAmount = await errorOf(
      stripe.paymentIntents.create({
        currency: "usd",
      } as Stripe.PaymentIntentCreateParams)
    )
    expect(noAmount).toMatchObject({
      statusCode: 400,
      code: "parameter_missing",
      param: "amount",
    })
    const badCustomer = await errorOf(
      stripe.paymentIntents.create({
        amount: 100,
        currency: "usd",
        customer: "cus_nope",
      })
    )
    expect(badCustomer).toMatchObject({
      code: "resource_missing",
      param: "customer",
    })
    const tooSmall = await errorOf(
      stripe.paymentIntents.create({ amount: 10, currency: "usd" })
    )
    expect(tooSmall).toMatchObject({ code: "amount_too_small" })

    const raw = await fetch(`${fake.url}/v1/payment_intents/pi_missing`, {
      headers: { authorization: "Bearer sk_test_fake" },
    })
    expect(raw.status).toBe(404)
    expect(await raw.json()).toEqual({
      error: expect.objectContaining({
        type: "invalid_request_error",
        code: "resource_missing",
        message: "No such payment_intent: 'pi_missing'",
      }),
    })

    const badKey = new Stripe("nope", {
      ...fake.clientConfig,
      maxNetworkRetries: 0,
    })
    const auth = await errorOf(badKey.customers.create({}))
    expect(auth).toBeInstanceOf(Stripe.errors.StripeAuthenticationError)
  })

  it("declines surface as card errors carrying the payment intent", async () => {
    const declined = await errorOf(
      stripe.paymentIntents.create({
        amount: 2000,
        currency: "usd",
        payment_method: "pm_card_chargeDeclined",
        confirm: true,
      })
    )
    expect(declined).toBeInstanceOf(Stripe.errors.StripeCardError)
    expect(declined).toMatchObject({
      code: "card_declined",
      payment_intent: { status: "requires_payment_method" },
    })
  })

  it("replays responses for a repeated Idempotency-Key", async () => {
    const params = {
      amount: 700,
      currency: "usd",
      metadata: { session_id: "s" },
    }
    const first = await stripe.paymentIntents.create(params, {
      idempotencyKey: "idem-1",
    })
    const second = await stripe.paymentIntents.create(params, {
      idempotencyKey: "idem-1",
    })
    expect(second.id).toBe(first.id)
    expect(second.lastResponse.headers["idempotent-replayed"]).toBe("true")
    expect(fake.paymentIntents.size).toBe(1)

    const conflict = await errorOf(
      stripe.paymentIntents.create(
        { ...params, amount: 800 },
        { idempotencyKey: "idem-1" }
      )
    )
    expect(conflict).toBeInstanceOf(Stripe.errors.StripeIdempotencyError)

    const captureA = await errorOf(
      stripe.paymentIntents.capture(first.id, {}, { idempotencyKey: "idem-2" })
    )
    const captureB = await errorOf(
      stripe.paymentIntents.capture(first.id, {}, { idempotencyKey: "idem-2" })
    )
    expect(captureA).toMatchObject({ code: "payment_intent_unexpected_state" })
    expect(captureB).toMatchObject({ code: "payment_intent_unexpected_state" })
  })

  it("failNext triggers the SDK's retry with the same idempotency key", async () => {
    const retrying = new Stripe("sk_test_fake", {
      ...fake.clientConfig,
      maxNetworkRetries: 1,
    })
    fake.failNext(1, 500)
    const intent = await retrying.paymentIntents.create({
      amount: 1200,
      currency: "usd",
    })
    expect(intent.status).toBe("requires_payment_method")
    expect(fake.requests).toHaveLength(2)
    const keys = fake.requests.map((r) => r.headers["idempotency-key"])
    expect(keys[0]).toBeDefined()
    expect(keys[1]).toBe(keys[0])
    expect(fake.paymentIntents.size).toBe(1)

    fake.failNext(1, 500)
    const apiError = await errorOf(stripe.paymentIntents.retrieve(intent.id))
    expect(apiError).toBeInstanceOf(Stripe.errors.StripeAPIError)
    fake.failNext(1, 429)
    const rateLimited = await errorOf(stripe.paymentIntents.retrieve(intent.id))
    expect(rateLimited).toBeInstanceOf(Stripe.errors.StripeRateLimitError)
  })

  it("supports customers, setup intents and payment methods", async () => {
    const customer = await stripe.customers.create({ email: "a@example.com" })
    const updated = await stripe.customers.update(customer.id, {
      name: "Ada Lovelace",
      phone: "+2348000000000",
    })
    expect(updated).toMatchObject({
      name: "Ada Lovelace",
      email: "a@example.com",
    })

    const setup = await stripe.setupIntents.create({ customer: customer.id })
    expect(setup).toMatchObject({
      object: "setup_intent",
      status: "requires_payment_method",
      customer: customer.id,
    })
    fake.confirmSetupIntent(setup.id)
    const methods = await stripe.customers.listPaymentMethods(customer.id, {
      limit: 100,
    })
    expect(methods.data).toHaveLength(1)
    const method = methods.data[0]
    expect(method.card?.last4).toBe("4242")
    const retrieved = await stripe.paymentMethods.retrieve(method.id)
    expect(retrieved.customer).toBe(customer.id)
    const detached = await stripe.paymentMethods.detach(method.id)
    expect(detached.customer).toBeNull()

    const deleted = await stripe.customers.del(customer.id)
    expect(deleted).toMatchObject({ id: customer.id, deleted: true })
  })

  it("signs events that stripe.webhooks.constructEvent accepts", async () => {
    const intent = await stripe.paymentIntents.create({
      amount: 3000,
      currency: "usd",
      metadata: { session_id: "payses_9" },
    })
    const object = fake.confirmPaymentIntent(intent.id)
    const signed = fake.signedEvent("payment_intent.succeeded", object)
    expect(signed.headers["content-type"]).toBe("application/json")
    expect(signed.headers["stripe-signature"]).toMatch(
      /^t=\d+,v1=[0-9a-f]{64}$/
    )
    const event = stripe.webhooks.constructEvent(
      signed.body,
      signed.headers["stripe-signature"],
      webhookSecret
    )
    expect(event).toMatchObject({
      object: "event",
      type: "payment_intent.succeeded",
      api_version: "2024-04-10",
      data: { object: { id: intent.id, amount_received: 3000 } },
    })
    expect(event.id).toMatch(/^evt_/)
    expect(() =>
      stripe.webhooks.constructEvent(
        signed.body,
        signed.headers["stripe-signature"],
        "whsec_other"
      )
    ).toThrow(Stripe.errors.StripeSignatureVerificationError)
  })

  describe("through @medusajs/payment-stripe's provider", () => {
    class FakeBackedStripeProvider extends StripeProviderService {
      constructor(options: StripeOptions, client: Stripe) {
        super({}, options)
        this.stripe_ = client
      }
    }

    const options: StripeOptions = { apiKey: "sk_test_fake", webhookSecret }

    it("initiates, authorizes, captures, refunds and parses webhooks", async () => {
      const provider = new FakeBackedStripeProvider(options, stripe)
      const holder = await provider.createAccountHolder({
        context: {
          customer: {
            id: "cus_medusa",
            email: "ada@example.com",
            first_name: "Ada",
            last_name: "Lovelace",
          },
        },
      } as Parameters<StripeProviderService["createAccountHolder"]>[0])
      expect(holder.id).toMatch(/^cus_/)

      const session = await provider.initiatePayment({
        amount: 25.99,
        currency_code: "usd",
        data: { session_id: "payses_abc" },
        context: {
          account_holder: { data: { id: holder.id } },
          idempotency_key: "medusa-idem-1",
        },
      } as Parameters<StripeProviderService["initiatePayment"]>[0])
      expect(session.status).toBe("pending")
      const intentId = String(session.id)
      expect(fake.paymentIntents.get(intentId)).toMatchObject({
        amount: 2599,
        capture_method: "manual",
        customer: holder.id,
        metadata: { session_id: "payses_abc" },
      })

      fake.confirmPaymentIntent(intentId)
      const authorized = await provider.authorizePayment({
        data: { id: intentId },
      })
      expect(authorized.status).toBe("authorized")

      const captured = await provider.capturePayment({ data: { id: intentId } })
      expect(asRecord(captured.data).status).toBe("succeeded")

      await provider.refundPayment({
        amount: 10,
        data: { id: intentId, currency: "usd" },
      } as Parameters<StripeProviderService["refundPayment"]>[0])
      const refunds = [...fake.refunds.values()]
      expect(refunds.map((r) => r.amount)).toEqual([1000])

      const signed = fake.signedEvent(
        "payment_intent.succeeded",
        fake.paymentIntents.get(intentId) ?? {}
      )
      const action = await provider.getWebhookActionAndData({
        data: JSON.parse(signed.body) as Record<string, unknown>,
        rawData: signed.body,
        headers: signed.headers,
      })
      expect(action).toEqual({
        action: "captured",
        data: { session_id: "payses_abc", amount: 25.99 },
      })

      const paths = fake.requests.map((r) => `${r.method} ${r.path}`)
      expect(paths).toEqual([
        "POST /v1/customers",
        "POST /v1/payment_intents",
        `GET /v1/payment_intents/${intentId}`,
        `POST /v1/payment_intents/${intentId}/capture`,
        "POST /v1/refunds",
      ])
    })
  })
})
