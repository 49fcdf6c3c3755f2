import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { AxiosInstance } from "axios"
import { createHmac } from "node:crypto"
// Types only: importing the module would load src/config before the fakes set the environment.
import type ConciergeModuleService from "../../src/modules/concierge/service"
import type { StoreSetup } from "../../src/lib/setup/store"
import { FakeResend } from "../fakes/resend"
import { FakeWhatsApp } from "../fakes/whatsapp"
import { InboundInput, newWamid, WABA_ID, whatsAppWebhooks } from "../fakes/whatsapp-webhooks"
import { PaymentFakes, startEmailFake, startPaymentFakes, startWhatsAppFake, WHATSAPP_PHONE_NUMBER_ID } from "../utils/env"
import { Headers, placeOrder, registerCustomer, withBearer } from "../utils/orders"
import { createStaffUser, staffHeaders } from "../utils/staff"
import { adminHeaders, seedStore, storeHeaders } from "../utils/store"
import { waitFor } from "../utils/wait-for"

jest.setTimeout(240_000)

const APP_SECRET = "whatsapp-app-secret-for-tests"
const VERIFY_TOKEN = "verify-token-for-tests"
const BUSINESS_NUMBER = "+234 700 000 0000"
const PER_PHONE = 3
const PER_IP = 6
const CONCIERGE_EMAIL = "concierge.person@store.test"
const SUPPORT_EMAIL = "support.person@store.test"
const HOUR = 60 * 60 * 1000

let fakes: PaymentFakes
let resend: FakeResend
let whatsapp: FakeWhatsApp

beforeAll(async () => {
  fakes = await startPaymentFakes()
  resend = await startEmailFake()
  whatsapp = await startWhatsAppFake()
  Object.assign(process.env, {
    WHATSAPP_APP_SECRET: APP_SECRET,
    WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN,
    WHATSAPP_BUSINESS_NUMBER: BUSINESS_NUMBER,
    // Around the clock, so a first reply is due exactly 15 minutes after the escalation.
    CONCIERGE_BUSINESS_HOURS: "always",
    CONCIERGE_FIRST_RESPONSE_MINUTES: "15",
    CONCIERGE_ESCALATIONS_PER_PHONE_PER_HOUR: String(PER_PHONE),
    CONCIERGE_ESCALATIONS_PER_IP_PER_HOUR: String(PER_IP),
    // Many customers sign up from one test client.
    RATE_LIMIT_AUTH_PER_MINUTE: "1000",
  })
})

afterAll(async () => {
  await Promise.all([fakes.paystack.close(), fakes.stripe.close(), resend.close(), whatsapp.close()])
})

const webhooks = whatsAppWebhooks({
  appSecret: APP_SECRET,
  businessNumber: BUSINESS_NUMBER,
  phoneNumberId: WHATSAPP_PHONE_NUMBER_ID,
})

let ipCounter = 10
/** Each escalation from its own client address unless one is given, so only the rate-limit test meets the per-IP limit. */
const nextIp = () => `198.51.100.${ipCounter++}`

type ConversationRow = {
  id: string
  reference: string
  customer_phone: string
  whatsapp_id: string | null
  profile_name: string | null
  customer_id: string | null
  cart_id: string | null
  order_id: string | null
  topic: string | null
  origin: string
  status: string
  assignee_id: string | null
  first_response_due_at: Date | null
  first_responded_at: Date | null
  last_inbound_at: Date | null
  unread_count: number
  created_at: Date
}

type MessageRow = {
  id: string
  direction: string
  channel: string
  type: string
  text: string | null
  media_id: string | null
  media_mime_type: string | null
  media_filename: string | null
  whatsapp_message_id: string | null
  status: string
  error: string | null
  delivered_at: Date | null
  read_at: Date | null
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let setup: StoreSetup
    let admin: Headers
    let concierge: Headers
    let conciergeUserId: string

    const service = () => getContainer().resolve<ConciergeModuleService>("concierge")
    const conversation = (id: string) => service().retrieveConciergeConversation(id) as Promise<unknown> as Promise<ConversationRow>
    const messagesOf = async (id: string) =>
      (await service().listConciergeMessages({ conversation_id: id }, { order: { created_at: "ASC" }, take: null })) as unknown as MessageRow[]
    const conversationCount = async () => (await service().listAndCountConciergeConversations({}, { take: 1 }))[1]

    const escalate = (body: Record<string, unknown>, headers: Headers = storeHeaders(setup), ip = nextIp()) =>
      api.post("/store/concierge/escalations", body, {
        headers: { ...headers.headers, "x-forwarded-for": ip },
        validateStatus: () => true,
      })

    const deliver = (payload: object, secret?: string) => {
      const { body, headers } = webhooks.signed(payload, secret)
      return api.post("/hooks/whatsapp", body, { headers, validateStatus: () => true })
    }

    /** Posts customer messages and waits until the worker has stored them. */
    const receive = async (...messages: InboundInput[]) => {
      const { payload, ids } = webhooks.inbound(...messages)
      const response = await deliver(payload)
      expect(response.status).toBe(200)
      const stored = await waitFor(
        async () => {
          const rows = (await service().listConciergeMessages({ whatsapp_message_id: ids })) as unknown as (MessageRow & {
            conversation_id: string
          })[]
          return rows.length === ids.length && rows
        },
        { what: `inbound messages ${ids.join(", ")}` }
      )
      return { ids, conversationIds: [...new Set(stored.map((row) => row.conversation_id))] }
    }

    const digits = (e164: string) => e164.replace(/^\+/, "")

    beforeAll(async () => {
      const container: MedusaContainer = getContainer()
      setup = await seedStore(container)
      admin = await adminHeaders(api)
      const user = await createStaffUser(container, CONCIERGE_EMAIL, "concierge")
      conciergeUserId = user.id
      await createStaffUser(container, SUPPORT_EMAIL, "support")
      concierge = await staffHeaders(api, CONCIERGE_EMAIL)
    })

    beforeEach(() => {
      resend.reset()
      whatsapp.reset()
    })

    describe("storefront escalations", () => {
      it("opens a conversation with its links, reference and due time, answers a wa.me link, and alerts the concierge staff", async () => {
        const customer = await registerCustomer(api, setup, {
          email: "amaka@example.com",
          password: "amaka-password-1",
          first_name: "Amaka",
          last_name: "Eze",
          phone: "+2348031112222",
        })
        const orderId = await placeOrder(api, getContainer(), setup, fakes, {
          headers: customer.headers,
          region: "nigeria",
          items: [["FIX-TEE-S-IND", 1]],
        })
        const { data: cartBody } = await api.post("/store/carts", { region_id: setup.regions.nigeria }, customer.headers)

        const response = await escalate(
          { phone: "0803 111 2222", message: "My tote has not arrived.", topic: "delivery", cart_id: cartBody.cart.id, order_id: orderId },
          customer.headers
        )

        expect(response.status).toBe(201)
        const { conversation: created, whatsapp_url } = response.data
        expect(created.reference).toMatch(/^CN-[A-HJ-NP-Z2-9]{6}$/)
        expect(created.status).toBe("open")
        const url = new URL(whatsapp_url)
        expect(`${url.origin}${url.pathname}`).toBe("https://wa.me/2347000000000")
        expect(url.searchParams.get("text")).toContain(created.reference)

        const row = await conversation(created.id)
        expect(row).toMatchObject({
          reference: created.reference,
          customer_phone: "+2348031112222",
          customer_id: customer.id,
          cart_id: cartBody.cart.id,
          order_id: orderId,
          topic: "delivery",
          origin: "storefront",
          status: "open",
          last_inbound_at: null,
        })
        const due = new Date(row.first_response_due_at!).getTime() - new Date(row.created_at).getTime()
        expect(Math.abs(due - 15 * 60 * 1000)).toBeLessThan(5_000)
        const messages = await messagesOf(created.id)
        expect(messages).toEqual([
          expect.objectContaining({ direction: "inbound", channel: "storefront", type: "text", text: "My tote has not arrived." }),
        ])

        const alert = await waitFor(
          async () => resend.emails.find((email) => email.idempotency_key?.startsWith(`admin-alert:concierge-conversation:${created.id}:`)),
          { what: "the escalation alert" }
        )
        // The activity log has the conversation opening.
        await waitFor(
          async () => {
            const activity = await api.get(
              `/admin/activity?resource_type=concierge_conversation&resource_id=${created.id}`,
              admin
            )
            return activity.data.events.some((e: { action: string }) => e.action === "concierge_conversation.opened")
          },
          { what: "the activity entry for the new conversation" }
        )
        expect(alert.to).toEqual([CONCIERGE_EMAIL])
        expect(alert.subject).toContain(created.reference)
        expect(alert.text).toContain(`/app/concierge/${created.id}`)
        expect(alert.text).toContain("delivery")
        // The alert is kept as a notification record that an erase does not reach: no phone, no message text.
        expect(alert.text).not.toContain("803")
        expect(alert.text).not.toContain("My tote")
      })

      it("refuses bad input with 400 or 404 and stores nothing", async () => {
        const owner = await registerCustomer(api, setup, {
          email: "owner@example.com",
          password: "owner-password-1",
          first_name: "Obi",
          last_name: "Nna",
          phone: "+2348032223333",
        })
        const stranger = await registerCustomer(api, setup, {
          email: "stranger@example.com",
          password: "stranger-password-1",
          first_name: "Sade",
          last_name: "Ola",
        })
        const orderId = await placeOrder(api, getContainer(), setup, fakes, {
          headers: owner.headers,
          region: "nigeria",
          items: [["FIX-TEE-S-IND", 1]],
          person: { first_name: "Obi", last_name: "Nna", phone: "+2348032223333" },
        })
        const { data: ownerCart } = await api.post("/store/carts", { region_id: setup.regions.nigeria }, owner.headers)
        const before = await conversationCount()

        const refusals: [Record<string, unknown>, Headers | undefined, number][] = [
          [{ phone: "12345", message: "Help" }, undefined, 400],
          [{ phone: "not a phone", message: "Help" }, undefined, 400],
          [{ phone: "08031234567", message: "   " }, undefined, 400],
          [{ phone: "08031234567" }, undefined, 400],
          [{ phone: "08031234567", message: "Help", extra: true }, undefined, 400],
          // Each 404 from its own number: refused requests still count against a number's hourly budget.
          [{ phone: "08031230001", message: "Help", cart_id: "cart_01NOTAREALCARTID000000000" }, undefined, 404],
          [{ phone: "08031230002", message: "Help", order_id: "order_01NOTAREALORDERID0000000" }, undefined, 404],
          // Another customer's cart and order answer as if they did not exist.
          [{ phone: "08031230003", message: "Help", cart_id: ownerCart.cart.id }, stranger.headers, 404],
          [{ phone: "08031230004", message: "Help", order_id: orderId }, stranger.headers, 404],
          // A guest must give a phone that is on the order.
          [{ phone: "08039998888", message: "Help", order_id: orderId }, undefined, 404],
        ]
        for (const [body, headers, status] of refusals) {
          const response = await escalate(body, headers)
          expect({ body, status: response.status }).toEqual({ body, status })
          expect(response.data.message).toEqual(expect.any(String))
        }
        expect(await conversationCount()).toBe(before)

        const guest = await escalate({ phone: "0803 222 3333", message: "Where is my order?", order_id: orderId })
        expect(guest.status).toBe(201)
        expect(await conversation(guest.data.conversation.id)).toMatchObject({ order_id: orderId, customer_id: owner.id })
      })

      it("limits escalations per phone number and per client address", async () => {
        const before = await conversationCount()
        const phone = "+2348035550000"
        for (let i = 0; i < PER_PHONE; i++) {
          expect((await escalate({ phone, message: `Attempt ${i}` })).status).toBe(201)
        }
        // The same number typed another way is the same number.
        const overPhone = await escalate({ phone: "0803 555 0000", message: "Once more" })
        expect(overPhone.status).toBe(429)
        expect(Number(overPhone.headers["retry-after"])).toBeGreaterThan(0)

        const ip = "203.0.113.77"
        for (let i = 0; i < PER_IP; i++) {
          expect((await escalate({ phone: `+23480366600${10 + i}`, message: "Hello" }, undefined, ip)).status).toBe(201)
        }
        const overIp = await escalate({ phone: "+2348036660099", message: "Hello" }, undefined, ip)
        expect(overIp.status).toBe(429)
        // The same phone from another address is still welcome.
        expect((await escalate({ phone: "+2348036660099", message: "Hello" })).status).toBe(201)

        expect(await conversationCount()).toBe(before + PER_PHONE + PER_IP + 1)
      })
    })

    describe("WhatsApp webhook", () => {
      it("answers Meta's verification handshake only with the right verify token", async () => {
        const handshake = (token: string) =>
          api.get(`/hooks/whatsapp?hub.mode=subscribe&hub.verify_token=${encodeURIComponent(token)}&hub.challenge=1158201444`, {
            validateStatus: () => true,
          })
        const ok = await handshake(VERIFY_TOKEN)
        expect(ok.status).toBe(200)
        expect(String(ok.data)).toBe("1158201444")
        expect((await handshake("wrong-token")).status).toBe(403)
        expect((await api.get("/hooks/whatsapp?hub.mode=subscribe", { validateStatus: () => true })).status).toBe(400)
      })

      it("refuses unsigned, wrongly signed and altered deliveries and stores nothing from them", async () => {
        const forged = webhooks.inbound({ from: "2348037770001", type: "text", text: "forged" })
        const unsigned = await api.post("/hooks/whatsapp", JSON.stringify(forged.payload), {
          headers: { "content-type": "application/json" },
          validateStatus: () => true,
        })
        const wrongKey = await deliver(forged.payload, "another-secret")
        const { body, headers } = webhooks.signed(forged.payload)
        const altered = await api.post("/hooks/whatsapp", body.replace("forged", "FORGED"), {
          headers,
          validateStatus: () => true,
        })
        expect([unsigned.status, wrongKey.status, altered.status]).toEqual([401, 401, 401])

        // A good delivery after them is stored: the refused ones were never queued.
        await receive({ from: "2348037770001", type: "text", text: "genuine" })
        expect(await service().listConciergeMessages({ whatsapp_message_id: forged.ids })).toEqual([])
      })

      it("checks the signature before parsing: a forged malformed body is 401 and stores nothing", async () => {
        const forged = webhooks.inbound({ from: "2348037770002", type: "text", text: "forged" })
        // Cut short, so it is not JSON; a Buffer, which axios sends as it is (it would quote a string that is not JSON).
        const malformed = Buffer.from(JSON.stringify(forged.payload).slice(0, -3))
        const post = (headers: Record<string, string>) =>
          api.post("/hooks/whatsapp", malformed, { headers: { "content-type": "application/json", ...headers }, validateStatus: () => true })
        const unsigned = await post({})
        const wrongKey = await post({ "x-hub-signature-256": webhooks.signed(forged.payload, "another-secret").headers["x-hub-signature-256"] })
        for (const response of [unsigned, wrongKey]) {
          expect(response.status).toBe(401)
          expect(response.data).toEqual({ type: "unauthorized", message: "Invalid webhook signature" })
        }

        await receive({ from: "2348037770002", type: "text", text: "genuine" })
        expect(await service().listConciergeMessages({ whatsapp_message_id: forged.ids })).toEqual([])
      })

      it("refuses a signed delivery that is not JSON or not a Cloud API envelope with 400", async () => {
        // `signed` takes an object; a body that is not JSON is signed here the same way.
        const notJson = Buffer.from("{ not json")
        const signature = `sha256=${createHmac("sha256", APP_SECRET).update(notJson).digest("hex")}`
        const malformed = await api.post("/hooks/whatsapp", notJson, {
          headers: { "content-type": "application/json", "x-hub-signature-256": signature },
          validateStatus: () => true,
        })
        expect(malformed.status).toBe(400)
        expect(malformed.data).toEqual({ type: "invalid_data", message: "The webhook body is not valid JSON" })

        const change = (value: Record<string, unknown>) => ({
          object: "whatsapp_business_account",
          entry: [{ id: WABA_ID, changes: [{ field: "messages", value: { messaging_product: "whatsapp", ...value } }] }],
        })
        const wrongShapes: [object, RegExp][] = [
          [{ object: "whatsapp_business_account", entry: "none" }, /entry/],
          [{ ...change({}), object: "page" }, /object/],
          [change({ messages: "hello" }), /entry.*0.*changes.*0.*value.*messages/],
          [change({ messages: [{ id: newWamid(), type: "text", text: { body: "no sender" } }] }), /messages.*0.*from/],
          [change({ statuses: [{ id: newWamid(), status: "read", timestamp: 1764064800 }] }), /statuses.*0.*timestamp/],
        ]
        for (const [payload, path] of wrongShapes) {
          const response = await deliver(payload)
          expect(response.status).toBe(400)
          expect(response.data.type).toBe("invalid_data")
          expect(response.data.message).toMatch(path)
        }
      })

      it("joins messages to the conversation whose reference they quote, then by phone, and opens new ones", async () => {
        const escalation = await escalate({ phone: "08034440000", message: "Sizing question", topic: "sizing" })
        const { id, reference } = escalation.data.conversation
        // The customer writes from another number, quoting the reference in lower case.
        const fromNumber = "2348095550000"
        const first = await receive({
          from: fromNumber,
          name: "Bola",
          type: "text",
          text: `hi, my reference is ${reference.toLowerCase()}`,
        })
        expect(first.conversationIds).toEqual([id])
        // Then sends a photo and a document without the reference: matched by their number.
        const more = await receive(
          { from: fromNumber, name: "Bola", type: "image", media_id: "1234567890", mime_type: "image/jpeg", caption: "the tag" },
          { from: fromNumber, name: "Bola", type: "document", media_id: "998877", mime_type: "application/pdf", filename: "receipt.pdf" }
        )
        expect(more.conversationIds).toEqual([id])

        const row = await conversation(id)
        // The storefront message and three WhatsApp ones, none read yet.
        expect(row).toMatchObject({ whatsapp_id: fromNumber, profile_name: "Bola", unread_count: 4, status: "open" })
        expect(row.last_inbound_at).not.toBeNull()
        const messages = await messagesOf(id)
        expect(messages.map((m) => [m.channel, m.type])).toEqual([
          ["storefront", "text"],
          ["whatsapp", "text"],
          ["whatsapp", "image"],
          ["whatsapp", "document"],
        ])
        expect(messages[2]).toMatchObject({ media_id: "1234567890", media_mime_type: "image/jpeg", text: "the tag" })
        expect(messages[3]).toMatchObject({ media_id: "998877", media_filename: "receipt.pdf" })

        // Staff view the files through the admin API, which fetches them from WhatsApp.
        const photo = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4])
        whatsapp.addMedia("1234567890", { mime_type: "image/jpeg", bytes: photo })
        whatsapp.addMedia("998877", { mime_type: "text/html", bytes: Buffer.from("<script>alert(1)</script>") })
        const media = (messageId: string) =>
          api.get(`/admin/concierge/conversations/${id}/messages/${messageId}/media`, {
            ...concierge,
            responseType: "arraybuffer",
            validateStatus: () => true,
          })
        const image = await media(messages[2].id)
        expect(image.status).toBe(200)
        expect(image.headers["content-type"]).toBe("image/jpeg")
        expect(Buffer.from(image.data).equals(photo)).toBe(true)
        // A file that could run in the dashboard's origin is only ever a download.
        const document = await media(messages[3].id)
        expect(document.headers["content-type"]).toBe("application/octet-stream")
        expect(document.headers["content-disposition"]).toMatch(/^attachment; filename="receipt.pdf"/)
        // A text message has no media, and a message id from another conversation is not found.
        expect((await media(messages[1].id)).status).toBe(404)

        // A number with no open conversation opens one, linked to the customer with that phone, and alerts staff.
        const known = await registerCustomer(api, setup, {
          email: "chidi@example.com",
          password: "chidi-password-1",
          first_name: "Chidi",
          last_name: "Okafor",
          phone: "08046660000",
        })
        const opened = await receive({ from: "2348046660000", type: "text", text: "Do you ship to Abuja?" })
        expect(opened.conversationIds).toHaveLength(1)
        const [newId] = opened.conversationIds
        expect(newId).not.toBe(id)
        const created = await waitFor(async () => {
          const found = await conversation(newId)
          return found.customer_id && found
        })
        expect(created).toMatchObject({ origin: "whatsapp", customer_phone: "+2348046660000", customer_id: known.id })
        await waitFor(
          async () => resend.emails.find((email) => email.idempotency_key?.startsWith(`admin-alert:concierge-conversation:${newId}:`)),
          { what: "the alert for the WhatsApp conversation" }
        )
      })

      it("stores a redelivered message once", async () => {
        const id = newWamid()
        const { payload } = webhooks.inbound({ from: "2348051110000", id, type: "text", text: "Hello?" })
        const responses = await Promise.all([deliver(payload), deliver(payload), deliver(payload)])
        expect(responses.map((r) => r.status)).toEqual([200, 200, 200])
        const [stored] = await waitFor(async () => {
          const rows = (await service().listConciergeMessages({ whatsapp_message_id: id })) as unknown as { conversation_id: string }[]
          return rows.length > 0 && rows
        })
        // Later deliveries of the same id: once the worker has had them all, still one row.
        const second = await receive({ from: "2348051110000", type: "text", text: "Anyone there?" })
        expect(second.conversationIds).toEqual([stored.conversation_id])
        await deliver(payload)
        await receive({ from: "2348051110000", type: "text", text: "Third" })
        expect(await service().listConciergeMessages({ whatsapp_message_id: id })).toHaveLength(1)
        expect((await conversation(stored.conversation_id)).unread_count).toBe(3)
      })
    })

    describe("staff replies", () => {
      const reply = (id: string, body: object, headers = concierge) =>
        api.post(`/admin/concierge/conversations/${id}/messages`, body, { ...headers, validateStatus: () => true })

      it("sends a free-text reply inside the 24-hour window and applies WhatsApp's status updates to it", async () => {
        const from = "2348061230000"
        const { conversationIds: [id] } = await receive({ from, type: "text", text: "Is the blue tote in stock?" })

        const response = await reply(id, { text: "Yes, 3 left. Shall I reserve one?" })
        expect(response.status).toBe(201)
        expect(whatsapp.messages).toEqual([
          expect.objectContaining({ to: from, type: "text", text: "Yes, 3 left. Shall I reserve one?" }),
        ])
        const sent = response.data.concierge_message
        expect(sent).toMatchObject({ direction: "outbound", status: "sent", whatsapp_message_id: whatsapp.messages[0].id })
        expect(response.data.conversation).toMatchObject({
          status: "pending",
          assignee_id: conciergeUserId,
          unread_count: 0,
          overdue: false,
        })
        expect(response.data.conversation.first_responded_at).not.toBeNull()

        // Out of order: read, then the late "delivered" and "sent"; the message ends read with both times.
        const wamid = sent.whatsapp_message_id
        const at = new Date()
        for (const status of ["read", "delivered", "sent"] as const) {
          expect((await deliver(webhooks.statuses({ id: wamid, status, recipient: from, at }))).status).toBe(200)
        }
        const updated = await waitFor(async () => {
          const [row] = (await service().listConciergeMessages({ id: sent.id })) as unknown as MessageRow[]
          return row.status === "read" && row.delivered_at ? row : undefined
        })
        expect(updated.read_at).not.toBeNull()
      })

      it("refuses free text outside the window with 409, sends a template instead, and records a refused send", async () => {
        const from = "2348062340000"
        const { conversationIds: [id] } = await receive({
          from,
          type: "text",
          text: "Please call me back",
          at: new Date(Date.now() - 25 * HOUR),
        })
        const messagesBefore = (await messagesOf(id)).length

        const refused = await reply(id, { text: "Sorry for the wait!" })
        expect(refused.status).toBe(409)
        expect(refused.data.message).toMatch(/template/i)
        expect(whatsapp.messages).toEqual([])
        expect(await messagesOf(id)).toHaveLength(messagesBefore)

        const template = await reply(id, { template: "order_follow_up", variables: ["Bola", "CN-TEST22"] })
        expect(template.status).toBe(201)
        expect(whatsapp.messages).toEqual([
          expect.objectContaining({
            to: from,
            type: "template",
            template: {
              name: "order_follow_up",
              language: "en",
              components: [
                {
                  type: "body",
                  parameters: [
                    { type: "text", text: "Bola" },
                    { type: "text", text: "CN-TEST22" },
                  ],
                },
              ],
            },
          }),
        ])
        expect(template.data.concierge_message).toMatchObject({ type: "template", status: "sent" })

        // A storefront escalation has no WhatsApp message yet: templates only.
        const escalation = await escalate({ phone: "08063450000", message: "Call me" })
        expect((await reply(escalation.data.conversation.id, { text: "Hi" })).status).toBe(409)

        // WhatsApp refuses the number: the reply is kept as failed and the route says so.
        whatsapp.rejectNumber("2348063450000")
        const failed = await reply(escalation.data.conversation.id, { template: "order_follow_up" })
        expect(failed.status).toBe(502)
        expect(failed.data.concierge_message).toMatchObject({ status: "failed" })
        expect(failed.data.message).toMatch(/131026|undeliverable/i)
        // WhatsApp's reason only: no internal notification id, no customer number.
        expect(failed.data.concierge_message.error).not.toMatch(/noti_|2348063450000/)

        // A failed status update from WhatsApp marks the earlier template failed with its reason.
        await deliver(
          webhooks.statuses({
            id: template.data.concierge_message.whatsapp_message_id,
            status: "failed",
            recipient: from,
            error: { code: 131049, title: "Meta chose not to deliver" },
          })
        )
        await waitFor(async () => {
          const [row] = (await service().listConciergeMessages({ id: template.data.concierge_message.id })) as unknown as MessageRow[]
          return row.status === "failed" && row.error?.includes("131049")
        })
      })

      it("bad reply bodies are 400 and an unknown conversation is 404", async () => {
        const { conversationIds: [id] } = await receive({ from: "2348064560000", type: "text", text: "hi" })
        for (const body of [{}, { text: "" }, { text: "a", template: "x" }, { template: "Not A Name" }]) {
          expect((await reply(id, body)).status).toBe(400)
        }
        expect((await reply("conv_01NOTAREALCONVERSATION0000", { text: "hi" })).status).toBe(404)
        expect(whatsapp.messages).toEqual([])
      })
    })

    describe("staff inbox", () => {
      it("lists with filters, shows the customer's context, assigns, resolves, and reopens on a new message", async () => {
        const customer = await registerCustomer(api, setup, {
          email: "ngozi@example.com",
          password: "ngozi-password-1",
          first_name: "Ngozi",
          last_name: "Ade",
          phone: "+2348071110000",
        })
        const orderId = await placeOrder(api, getContainer(), setup, fakes, {
          headers: customer.headers,
          region: "nigeria",
          items: [["FIX-TEE-S-IND", 2]],
        })
        const { data: cartBody } = await api.post("/store/carts", { region_id: setup.regions.nigeria }, customer.headers)
        const variant = await getContainer()
          .resolve(ContainerRegistrationKeys.QUERY)
          .graph({ entity: "product_variant", fields: ["id"], filters: { sku: "FIX-TEE-S-IND" } })
        await api.post(`/store/carts/${cartBody.cart.id}/line-items`, { variant_id: variant.data[0].id, quantity: 1 }, customer.headers)
        const escalation = await escalate(
          { phone: "+2348071110000", message: "Change my address", order_id: orderId, cart_id: cartBody.cart.id },
          customer.headers
        )
        const { id, reference } = escalation.data.conversation

        const detail = await api.get(`/admin/concierge/conversations/${id}`, concierge)
        expect(detail.data.conversation).toMatchObject({ id, reference, overdue: false, reply_window: { open: false, closes_at: null } })
        expect(detail.data.conversation.messages).toHaveLength(1)
        expect(detail.data.context.customer).toMatchObject({ id: customer.id, email: "ngozi@example.com" })
        expect(detail.data.context.cart.items).toEqual([expect.objectContaining({ quantity: 1, unit_price: expect.any(Number) })])
        expect(detail.data.context.order).toMatchObject({ id: orderId, currency_code: "ngn" })
        expect(detail.data.context.recent_orders.map((o: { id: string }) => o.id)).toContain(orderId)

        // Two more conversations, with unread WhatsApp messages (each test starts from the seeded store).
        await receive({ from: "2348072220000", name: "Tunde", type: "text", text: "first" })
        await receive({ from: "2348073330000", name: "Ife", type: "text", text: "second" })

        // Overdue: still waiting past its due time.
        await service().updateConciergeConversations({ id, first_response_due_at: new Date(Date.now() - 60_000) })
        const list = (query: string) => api.get(`/admin/concierge/conversations?${query}`, concierge).then((r) => r.data)
        const overdue = await list("overdue=true&limit=100")
        expect(overdue.conversations.map((c: { id: string }) => c.id)).toContain(id)
        expect(overdue.conversations.every((c: { overdue: boolean }) => c.overdue)).toBe(true)
        expect((await list(`q=${reference}`)).conversations.map((c: { id: string }) => c.id)).toEqual([id])
        expect((await list(`order_id=${orderId}`)).conversations.map((c: { id: string }) => c.id)).toEqual([id])

        const all = await list("limit=2")
        expect(all.conversations).toHaveLength(2)
        expect(all.count).toBeGreaterThan(2)
        const times = all.conversations.map((c: { last_message_at: string }) => new Date(c.last_message_at).getTime())
        expect(times[0]).toBeGreaterThanOrEqual(times[1])
        const unread = await list("unread=true&limit=100")
        expect(unread.conversations.length).toBeGreaterThan(0)
        expect(unread.conversations.every((c: { unread_count: number }) => c.unread_count > 0)).toBe(true)

        // Assign: unknown user 400, then to the concierge user, visible under assignee_id=me.
        const assign = (user_id: string | null) =>
          api.post(`/admin/concierge/conversations/${id}/assign`, { user_id }, { ...concierge, validateStatus: () => true })
        expect((await assign("user_01NOTAREALUSER00000000000")).status).toBe(400)
        const assigned = await assign(conciergeUserId)
        expect(assigned.status).toBe(200)
        expect(assigned.data.context.assignee).toMatchObject({ id: conciergeUserId, email: CONCIERGE_EMAIL })
        const mine = (await list("assignee_id=me")).conversations
        expect(mine.map((c: { id: string }) => c.id)).toContain(id)
        // The list names the assignee: concierge staff cannot list users themselves.
        expect(mine.find((c: { id: string }) => c.id === id).assignee).toMatchObject({ email: CONCIERGE_EMAIL })
        expect((await list("assignee_id=none&limit=100")).conversations.map((c: { id: string }) => c.id)).not.toContain(id)

        const resolved = await api.post(`/admin/concierge/conversations/${id}/resolve`, {}, concierge)
        expect(resolved.data.conversation).toMatchObject({ status: "resolved", overdue: false })
        expect((await list("status=open&limit=100")).conversations.map((c: { id: string }) => c.id)).not.toContain(id)

        // The customer writes again quoting the reference: it reopens.
        await receive({ from: "2348071110000", type: "text", text: `Still about ${reference}` })
        expect(await conversation(id)).toMatchObject({ status: "open", unread_count: 1, first_responded_at: null })
        const read = await api.post(`/admin/concierge/conversations/${id}/read`, {}, concierge)
        expect(read.data.conversation.unread_count).toBe(0)
        expect(read.data.conversation.reply_window.open).toBe(true)

        // Staff may also take a resolved conversation up again by replying.
        await api.post(`/admin/concierge/conversations/${id}/resolve`, {}, concierge)
        const replied = await api.post(`/admin/concierge/conversations/${id}/messages`, { text: "One more thing" }, concierge)
        expect(replied.data.conversation).toMatchObject({ status: "pending", resolved_at: null })
      })

      it("lets concierge, support and admin staff in, keeps concierge staff out of other areas and others out entirely", async () => {
        const { conversationIds: [id] } = await receive({ from: "2348081110000", type: "text", text: "roles" })
        const support = await staffHeaders(api, SUPPORT_EMAIL)
        for (const headers of [concierge, support, admin]) {
          expect((await api.get("/admin/concierge/conversations", headers)).status).toBe(200)
          expect((await api.get(`/admin/concierge/conversations/${id}`, headers)).status).toBe(200)
        }
        expect((await api.post(`/admin/concierge/conversations/${id}/resolve`, {}, concierge)).status).toBe(200)
        // A concierge user may not send broadcasts or edit the catalog.
        const forbidden = await api.post("/admin/broadcasts", { name: "x" }, { ...concierge, validateStatus: () => true })
        expect(forbidden.status).toBe(403)
        // Customers and anonymous callers never reach the inbox.
        const shopper = await registerCustomer(api, setup, {
          email: "shopper@example.com",
          password: "shopper-password-1",
          first_name: "Kemi",
          last_name: "Ade",
        })
        const asCustomer = await api.get("/admin/concierge/conversations", {
          headers: { authorization: shopper.headers.headers.authorization },
          validateStatus: () => true,
        })
        expect(asCustomer.status).toBe(401)
        expect((await api.get("/admin/concierge/conversations", { validateStatus: () => true })).status).toBe(401)
      })

      it("counts open conversations for the digest and includes, then erases, them in the customer's GDPR data", async () => {
        const open = await service().countOpenConversations()
        const rows = await service().listConciergeConversations({ status: ["open", "pending"] }, { take: null })
        expect(open).toBe(rows.length)

        const customer = await registerCustomer(api, setup, {
          email: "funke@example.com",
          password: "funke-password-1",
          first_name: "Funke",
          last_name: "Bello",
          phone: "08091230000",
        })
        const escalation = await escalate({ phone: "08091230000", message: "My secret address is 5 Allen Ave" }, customer.headers)
        const { id } = escalation.data.conversation
        await receive({ from: "2348091230000", type: "text", text: "And my phone is 08091230000" })

        const exported = await api.get(`/admin/customers/${customer.id}/export`, admin)
        expect(exported.data.export.concierge_conversations).toEqual([
          expect.objectContaining({
            id,
            customer_phone: "+2348091230000",
            messages: [
              expect.objectContaining({ channel: "storefront", text: "My secret address is 5 Allen Ave" }),
              expect.objectContaining({ channel: "whatsapp", text: "And my phone is 08091230000" }),
            ],
          }),
        ])

        expect((await api.post(`/admin/customers/${customer.id}/erase`, {}, admin)).status).toBe(200)
        expect(await conversation(id)).toMatchObject({ customer_phone: "[erased]", whatsapp_id: null, profile_name: null })
        expect((await messagesOf(id)).map((m) => m.text)).toEqual(["[erased]", "[erased]"])
      })
    })

    describe("customer token on the escalation", () => {
      it("links a signed-in customer's escalation to them", async () => {
        const customer = await registerCustomer(api, setup, {
          email: "yemi@example.com",
          password: "yemi-password-1",
          first_name: "Yemi",
          last_name: "Ola",
        })
        const response = await escalate({ phone: "08099990000", message: "Hi" }, withBearer(setup, customer.headers.headers.authorization.slice(7)))
        expect(response.status).toBe(201)
        expect((await conversation(response.data.conversation.id)).customer_id).toBe(customer.id)
      })
    })
  },
})
