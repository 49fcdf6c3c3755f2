import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { FakeResend } from "../fakes/resend"
import type { FakeTwilio } from "../fakes/twilio"
import type { FakeWhatsApp } from "../fakes/whatsapp"
import { startEmailFake, startSmsFake, startWhatsAppFake } from "../utils/env"
import { ADMIN, adminHeaders, seedStore, storeHeaders } from "../utils/store"
import { waitFor } from "../utils/wait-for"
import { StoreSetup } from "../../src/lib/setup/store"

jest.setTimeout(240_000)

/** Messages a full send delivers: the audience less the customers who opted out. */
const MESSAGES = 1000
const OPTED_OUT = 5
const AUDIENCE = MESSAGES + OPTED_OUT

let resend: FakeResend
let twilio: FakeTwilio
let whatsapp: FakeWhatsApp
beforeAll(async () => {
  resend = await startEmailFake()
  twilio = await startSmsFake()
  whatsapp = await startWhatsAppFake()
  // Three batches per worker run, so a 1,000-recipient send is a chain of runs.
  Object.assign(process.env, {
    BROADCAST_EMAIL_PER_SECOND: "0",
    BROADCAST_BATCHES_PER_RUN: "3",
    STOREFRONT_URL: "https://shop.test",
  })
})
afterAll(async () => {
  await Promise.all([resend?.close(), twilio?.close(), whatsapp?.close()])
})

type Headers = { headers: Record<string, string> }
type Reply = { status: number; data: any }

const call = (request: Promise<Reply>): Promise<Reply> =>
  request.catch((e: { response?: Reply }) => {
    if (!e.response) {
      throw e
    }
    return e.response
  })

const email = (i: number) => `reader${String(i).padStart(4, "0")}@example.com`

/** Runs a workflow by id, as the worker's subscriber and job do. */
const runWorkflow = async (container: MedusaContainer, id: string, input: Record<string, unknown> = {}) => {
  const engine = container.resolve(Modules.WORKFLOW_ENGINE)
  const { result } = await engine.run(id, { input, throwOnError: true })
  return result as any
}

const deliveredTo = () => resend.emails.flatMap((e) => e.to)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let setup: StoreSetup
    let admin: Headers

    beforeAll(async () => {
      const container = getContainer()
      setup = await seedStore(container)
      const customers = container.resolve(Modules.CUSTOMER)
      const created = await customers.createCustomers(
        Array.from({ length: AUDIENCE }, (_, i) => ({ email: email(i), first_name: `Reader${i}` }))
      )
      const consent = container.resolve("consent") as any
      await consent.recordChoices(
        created.slice(0, OPTED_OUT).map((c) => ({
          customer_id: c.id,
          channel: "email",
          purpose: "marketing",
          granted: false,
          source: "customer",
        }))
      )
    })

    beforeEach(async () => {
      admin = await adminHeaders(api)
      resend.reset()
      twilio.reset()
      whatsapp.reset()
    })

    const createBroadcast = async (overrides: Record<string, unknown> = {}) => {
      const { data } = await api.post(
        "/admin/broadcasts",
        {
          name: "Harmattan sale",
          channel: "email",
          subject: "{{first_name}}, the sale is on",
          body: "Hello {{first_name}}, everything is 20% off this week.",
          audience: { type: "all" },
          ...overrides,
        },
        admin
      )
      return data.broadcast
    }

    /** A broadcast in `sending` whose delivery the test drives itself (no event, so no subscriber run). */
    const sendingBroadcast = async () => {
      const broadcast = await createBroadcast()
      await (getContainer().resolve("broadcast") as any).updateBroadcasts({
        id: broadcast.id,
        status: "sending",
        started_at: new Date(),
      })
      return broadcast
    }

    it("validates drafts: unknown variables, a missing email subject, bad audiences (400) and unknown ids (404)", async () => {
      const bad = [
        { body: "Hi {{nickname}}" },
        { subject: null },
        { audience: { type: "countries", country_codes: ["Nigeria"] } },
        { audience: { type: "everyone" } },
        { channel: "fax" },
        { extra: true },
      ]
      for (const override of bad) {
        const res = await call(
          api.post(
            "/admin/broadcasts",
            { name: "x", channel: "email", subject: "s", body: "b", audience: { type: "all" }, ...override },
            admin
          )
        )
        expect({ override, status: res.status }).toEqual({ override, status: 400 })
      }
      const { data } = await api.get("/admin/broadcasts", admin)
      expect(data.count).toBe(0)
      expect((await call(api.get("/admin/broadcasts/bcast_missing", admin))).status).toBe(404)
      expect((await call(api.post("/admin/broadcasts/bcast_missing/send", {}, admin))).status).toBe(404)
    })

    it("previews the audience size (opted-out customers skipped) and the rendered message", async () => {
      const { data } = await api.post(
        "/admin/broadcasts/preview",
        { channel: "email", subject: "For {{first_name}}", body: "Dear {{first_name}} <b>", audience: { type: "all" } },
        admin
      )
      expect(data.audience_size).toBe(MESSAGES)
      expect(data.skipped_opted_out).toBe(OPTED_OUT)
      expect(data.rendered.subject).toMatch(/^For Reader\d+$/)
      expect(data.rendered.html).toContain("&lt;b&gt;")
      expect(data.rendered.text).toMatch(/unsubscribe/i)
    })

    it(`sends exactly ${MESSAGES} messages in batches of 100, once each, skipping the ${OPTED_OUT} opted out`, async () => {
      const broadcast = await createBroadcast()
      const sent = await api.post(`/admin/broadcasts/${broadcast.id}/send`, {}, admin)
      expect(sent.data.broadcast.status).toBe("sending")

      const done = await waitFor(
        async () => {
          const { data } = await api.get(`/admin/broadcasts/${broadcast.id}`, admin)
          return data.broadcast.status === "sent" && data.broadcast
        },
        { timeoutMs: 120_000, what: "the broadcast to be sent" }
      )
      expect(done.counts).toEqual({
        total: AUDIENCE,
        queued: 0,
        sent: MESSAGES,
        failed: 0,
        skipped: OPTED_OUT,
      })
      const addresses = deliveredTo()
      expect(addresses).toHaveLength(MESSAGES)
      expect(new Set(addresses).size).toBe(MESSAGES)
      for (let i = 0; i < OPTED_OUT; i++) {
        expect(addresses).not.toContain(email(i))
      }
      const batchCalls = resend.requests.filter((r) => r.path === "/emails/batch")
      expect(batchCalls.length).toBe(Math.ceil((MESSAGES) / 100))
      expect(Math.max(...batchCalls.map((r) => (r.body as unknown[]).length))).toBe(100)

      const one = resend.emails.find((e) => e.to.includes(email(42)))!
      expect(one.subject).toBe("Reader42, the sale is on")
      expect(one.text).toContain("Hello Reader42")
      expect(one.text).toMatch(/https:\/\/shop\.test\/unsubscribe\?token=/)

      const again = await call(api.post(`/admin/broadcasts/${broadcast.id}/send`, {}, admin))
      expect(again.status).toBe(409)
    })

    it("resumes after a crash and a provider outage: every recipient exactly once", async () => {
      const container = getContainer()
      const broadcast = await sendingBroadcast()
      const service = container.resolve("broadcast") as any

      const first = await runWorkflow(container, "process-broadcast", { id: broadcast.id, max_batches: 3 })
      expect(first.run).toMatchObject({ outcome: "stopped", batches: 3 })
      expect(new Set(deliveredTo()).size).toBe(300)

      // A worker that dies after the provider took its batch, before recording it:
      // the batch is claimed and delivered, and nothing else is written.
      // Loaded after the app booted: src/config reads the environment the fakes set.
      /* eslint-disable @typescript-eslint/no-require-imports */
      const { broadcastTransport } = require("../../src/workflows/broadcast/utils/transports")
      const { renderBroadcastFor } = require("../../src/workflows/broadcast/utils/render")
      /* eslint-enable @typescript-eslint/no-require-imports */
      const claimed = await service.claimBatch(broadcast.id, "bcast_crash_batch", 100)
      const profiles = await container
        .resolve(Modules.CUSTOMER)
        .listCustomers({ id: claimed.map((r: any) => r.customer_id) })
      const messages = claimed.map((r: any) =>
        renderBroadcastFor(broadcast, profiles.find((p) => p.id === r.customer_id)!, r.address)
      )
      const { transport } = broadcastTransport(container, "email")
      await transport.send(messages, "bcast_crash_batch")
      expect(new Set(deliveredTo()).size).toBe(400)

      // Then the provider is down for the next run: it stops without losing its batch.
      resend.failNext(50, 503)
      const outage = await runWorkflow(container, "process-broadcast", { id: broadcast.id })
      expect(outage.run.outcome).toBe("stopped")
      expect(outage.run.provider_error).toBeTruthy()
      const stalled = await api.get(`/admin/broadcasts/${broadcast.id}`, admin)
      expect(stalled.data.broadcast.status).toBe("sending")
      expect(stalled.data.broadcast.last_error).toBeTruthy()

      resend.failNext(0)
      const resumed = await runWorkflow(container, "process-broadcast", { id: broadcast.id })
      expect(resumed.run.outcome).toBe("done")

      const addresses = deliveredTo()
      expect(addresses).toHaveLength(MESSAGES)
      expect(new Set(addresses).size).toBe(MESSAGES)
      const { data } = await api.get(`/admin/broadcasts/${broadcast.id}`, admin)
      expect(data.broadcast.status).toBe("sent")
      expect(data.broadcast.counts.sent).toBe(MESSAGES)
    })

    it("stops within one batch when cancelled", async () => {
      const container = getContainer()
      const broadcast = await sendingBroadcast()
      await runWorkflow(container, "process-broadcast", { id: broadcast.id, max_batches: 2 })
      const cancelled = await api.post(`/admin/broadcasts/${broadcast.id}/cancel`, {}, admin)
      expect(cancelled.data.broadcast.status).toBe("cancelled")
      const after = await runWorkflow(container, "process-broadcast", { id: broadcast.id })
      expect(after.run.batches).toBe(0)
      expect(deliveredTo()).toHaveLength(200)
      expect((await call(api.post(`/admin/broadcasts/${broadcast.id}/send`, {}, admin))).status).toBe(409)
    })

    it("retries 429 (honouring Retry-After) and 5xx; a permanent 4xx fails that recipient with the provider's error", async () => {
      const container = getContainer()
      const customers = container.resolve(Modules.CUSTOMER)
      const group = await customers.createCustomerGroups({ name: "VIP" })
      const vip = await customers.createCustomers([
        { email: "vip.one@example.com" },
        { email: "vip.two@example.com" },
        { email: "rejected@example.com" },
      ])
      await customers.addCustomerToGroup(vip.map((c) => ({ customer_id: c.id, customer_group_id: group.id })))
      resend.rejectAddress("rejected@example.com")

      const broadcast = await createBroadcast({ audience: { type: "customer_groups", customer_group_ids: [group.id] } })
      resend.failNext(1, 429, { "Retry-After": "1" })
      const started = Date.now()
      await api.post(`/admin/broadcasts/${broadcast.id}/send`, {}, admin)
      const done = await waitFor(
        async () => {
          const { data } = await api.get(`/admin/broadcasts/${broadcast.id}`, admin)
          return ["sent", "failed"].includes(data.broadcast.status) && data.broadcast
        },
        { what: "the VIP broadcast to finish" }
      )
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000)
      expect(done.counts).toMatchObject({ total: 3, sent: 2, failed: 1 })
      expect(deliveredTo().sort()).toEqual(["vip.one@example.com", "vip.two@example.com"])
      const { data } = await api.get(`/admin/broadcasts/${broadcast.id}/recipients?status=failed`, admin)
      expect(data.recipients).toHaveLength(1)
      expect(data.recipients[0]).toMatchObject({ address: "rejected@example.com", status: "failed" })
      expect(data.recipients[0].last_error).toMatch(/rejected|invalid/i)

      resend.reset()
      const fivexx = await sendingBroadcast()
      resend.failNext(2, 502)
      const run = await runWorkflow(container, "process-broadcast", { id: fivexx.id, max_batches: 1 })
      expect(run.run.provider_error).toBeUndefined()
      expect(new Set(deliveredTo()).size).toBe(100)
    })

    it("unsubscribe links opt out one customer and one channel, and cannot be forged", async () => {
      const container = getContainer()
      const broadcast = await sendingBroadcast()
      await runWorkflow(container, "process-broadcast", { id: broadcast.id, max_batches: 1 })
      const mail = resend.emails[0]
      const token = new URL(mail.text!.match(/https:\/\/shop\.test\/unsubscribe\?token=\S+/)![0]).searchParams.get("token")!
      const [body, mac] = token.split(".")
      const claims = JSON.parse(Buffer.from(body, "base64url").toString())
      const other = await container.resolve(Modules.CUSTOMER).listCustomers({ email: email(999) })
      const forgedBody = Buffer.from(JSON.stringify([{ ...claims[0], customer_id: other[0].id }])).toString("base64url")
      const url = (t: string) => `/store/notifications/unsubscribe?token=${encodeURIComponent(t)}`
      const key = storeHeaders(setup)

      for (const forged of [`${forgedBody}.${mac}`, `${body}.${mac.slice(0, -2)}AA`, "garbage", `${body}.`]) {
        expect((await call(api.post(url(forged), {}, key))).status).toBe(401)
      }
      expect((await call(api.get("/store/notifications/unsubscribe", key))).status).toBe(400)

      const ok = await api.post(url(token), {}, key)
      expect(ok.data).toEqual({ unsubscribed: true, channel: "email" })
      expect((await api.get(url(token), key)).data.unsubscribed).toBe(true)

      const consent = container.resolve("consent") as any
      const [customer] = await container.resolve(Modules.CUSTOMER).listCustomers({ email: mail.to[0] })
      expect((await consent.isGranted([customer.id], "email", "marketing")).get(customer.id)).toBe(false)
      expect((await consent.isGranted([other[0].id], "email", "marketing")).get(other[0].id)).toBe(true)

      // The unsubscribed reader is skipped by the next broadcast and counted as skipped.
      resend.reset()
      const next = await sendingBroadcast()
      await runWorkflow(container, "process-broadcast", { id: next.id })
      expect(deliveredTo()).not.toContain(mail.to[0])
      const { data } = await api.get(`/admin/broadcasts/${next.id}`, admin)
      expect(data.broadcast.counts.skipped).toBe(OPTED_OUT + 1)
    })

    it("starts a scheduled broadcast when its time comes, and sends a test to the requesting admin", async () => {
      const broadcast = await createBroadcast({ scheduled_at: new Date(Date.now() + 1500).toISOString() })
      const res = await api.post(`/admin/broadcasts/${broadcast.id}/send`, {}, admin)
      expect(res.data.broadcast.status).toBe("scheduled")

      const test = await api.post(`/admin/broadcasts/${broadcast.id}/test`, {}, admin)
      expect(test.data).toMatchObject({ sent: true, to: ADMIN.email })
      expect(resend.emails.map((e) => e.to[0])).toEqual([ADMIN.email])

      const container = getContainer()
      expect(await runWorkflow(container, "start-due-broadcasts")).not.toContain(broadcast.id)
      await new Promise((resolve) => setTimeout(resolve, 1600))
      expect(await runWorkflow(container, "start-due-broadcasts")).toContain(broadcast.id)
      await waitFor(
        async () => {
          const { data } = await api.get(`/admin/broadcasts/${broadcast.id}`, admin)
          return data.broadcast.status === "sent"
        },
        { timeoutMs: 120_000, what: "the scheduled broadcast to be sent" }
      )
      expect(new Set(deliveredTo()).size).toBe(MESSAGES + 1)
    })

    it("narrows the audience by country, customer group and recent orders", async () => {
      const container = getContainer()
      const customers = container.resolve(Modules.CUSTOMER)
      const [accra, lagos] = await customers.createCustomers([
        { email: "kofi@example.com", addresses: [{ country_code: "gh", city: "Accra", address_1: "1 Osu" }] },
        { email: "bola@example.com", addresses: [{ country_code: "ng", city: "Lagos", address_1: "2 Yaba" }] },
      ])
      await container.resolve(Modules.ORDER).createOrders({ currency_code: "ngn", customer_id: lagos.id, email: lagos.email })
      const preview = (audience: Record<string, unknown>) =>
        api.post("/admin/broadcasts/preview", { channel: "email", subject: "s", body: "Hi {{first_name}}", audience }, admin)

      const ghana = await preview({ type: "countries", country_codes: ["GH"] })
      expect(ghana.data.audience_size).toBe(1)
      expect(ghana.data.rendered.text).toContain("Hi ")
      expect((await preview({ type: "countries", country_codes: ["gh", "ng"] })).data.audience_size).toBe(2)
      const recent = await preview({ type: "ordered_since", ordered_since: new Date(Date.now() - 3_600_000).toISOString() })
      expect(recent.data.audience_size).toBe(1)
      expect((await preview({ type: "ordered_since", ordered_since: new Date(Date.now() + 3_600_000).toISOString() })).data.audience_size).toBe(0)

      const broadcast = await createBroadcast({ audience: { type: "countries", country_codes: ["gh"] } })
      await api.post(`/admin/broadcasts/${broadcast.id}/send`, {}, admin)
      await waitFor(async () => (await api.get(`/admin/broadcasts/${broadcast.id}`, admin)).data.broadcast.status === "sent")
      expect(deliveredTo()).toEqual([accra.email])
    })

    it("sends SMS and WhatsApp broadcasts only to customers who opted in with a phone; a refused number fails alone", async () => {
      const container = getContainer()
      const customers = container.resolve(Modules.CUSTOMER)
      const group = await customers.createCustomerGroups({ name: "Phones" })
      const people = await customers.createCustomers([
        { email: "sms.yes@example.com", phone: "+2348030000001", first_name: "Tunde" },
        { email: "sms.bad@example.com", phone: "+2348030000002" },
        { email: "sms.no@example.com", phone: "+2348030000003" },
        { email: "sms.nophone@example.com" },
      ])
      await customers.addCustomerToGroup(people.map((c) => ({ customer_id: c.id, customer_group_id: group.id })))
      const consent = container.resolve("consent") as any
      const optIn = (channel: string) =>
        consent.recordChoices(
          [people[0], people[1], people[3]].map((c) => ({
            customer_id: c.id,
            channel,
            purpose: "marketing",
            granted: true,
            source: "customer",
          }))
        )
      await optIn("sms")
      await optIn("whatsapp")
      twilio.rejectNumber("+2348030000002")

      const audience = { type: "customer_groups", customer_group_ids: [group.id] }
      const sms = await createBroadcast({ channel: "sms", subject: null, body: "{{first_name}}, 10% off today", audience })
      await api.post(`/admin/broadcasts/${sms.id}/send`, {}, admin)
      const done = await waitFor(async () => {
        const { data } = await api.get(`/admin/broadcasts/${sms.id}`, admin)
        return ["sent", "failed"].includes(data.broadcast.status) && data.broadcast
      })
      expect(done.counts).toMatchObject({ total: 4, sent: 1, failed: 1, skipped: 2 })
      expect(twilio.messages.map((m) => m.to)).toEqual(["+2348030000001"])
      expect(twilio.messages[0].body).toMatch(/^Tunde, 10% off today/)
      expect(twilio.messages[0].body).toMatch(/https:\/\/shop\.test\/unsubscribe\?token=/)
      const failed = await api.get(`/admin/broadcasts/${sms.id}/recipients?status=failed`, admin)
      expect(failed.data.recipients[0].last_error).toMatch(/Invalid 'To' Phone Number/)

      const wa = await createBroadcast({ channel: "whatsapp", subject: null, body: "New arrivals, {{first_name}}", audience })
      await api.post(`/admin/broadcasts/${wa.id}/send`, {}, admin)
      await waitFor(async () => (await api.get(`/admin/broadcasts/${wa.id}`, admin)).data.broadcast.status === "sent")
      expect(whatsapp.messages.map((m) => m.to).sort()).toEqual(["2348030000001", "2348030000002"])
      expect(whatsapp.messages.every((m) => m.type === "text")).toBe(true)
    })
  },
})
