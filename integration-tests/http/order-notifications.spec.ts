import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { FakeResend } from "../fakes/resend"
import type { FakeTwilio } from "../fakes/twilio"
import type { FakeWhatsApp } from "../fakes/whatsapp"
import { startEmailFake, startSmsFake, startWhatsAppFake, usePaymentFakes } from "../utils/env"
import { Headers, placeOrder, registerCustomer } from "../utils/orders"
import { adminHeaders, seedStore, storeHeaders } from "../utils/store"
import { sleep, waitFor } from "../utils/wait-for"
import { StoreSetup } from "../../src/lib/setup/store"

jest.setTimeout(240_000)

const fakes = usePaymentFakes()
let resend: FakeResend
let twilio: FakeTwilio
let whatsapp: FakeWhatsApp
beforeAll(async () => {
  resend = await startEmailFake()
  twilio = await startSmsFake()
  whatsapp = await startWhatsAppFake()
})
afterAll(async () => {
  await Promise.all([resend?.close(), twilio?.close(), whatsapp?.close()])
})

const tag = Date.now().toString(36)
const BUYER = {
  email: `chiamaka.${tag}@example.com`,
  password: "correct-horse-battery-staple",
  first_name: "Chiamaka",
  last_name: "Eze",
  phone: "+2348031234567",
}
const GUEST_EMAIL = `guest.${tag}@example.com`

type NotificationRow = { template: string; channel: string; to: string; status: string }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let setup: StoreSetup
    let admin: Headers
    let buyer: Headers

    const notificationsOf = async (orderId: string) =>
      (await getContainer()
        .resolve(Modules.NOTIFICATION)
        .listNotifications({ resource_id: orderId }, { select: ["template", "channel", "to", "status"] })) as NotificationRow[]

    const sentWith = async (orderId: string, template: string) =>
      (await notificationsOf(orderId)).filter((n) => n.template === template)

    const emailsWith = (subject: RegExp) => resend.emails.filter((e) => subject.test(e.subject))

    /** Delivers an event again, as the event bus does when a subscriber is retried. */
    const redeliver = async (name: string, id: string) => {
      await getContainer().resolve(Modules.EVENT_BUS).emit({ name, data: { id } })
      await sleep(1500)
    }

    beforeAll(async () => {
      setup = await seedStore(getContainer())
      admin = await adminHeaders(api)
      buyer = (await registerCustomer(api, setup, BUYER)).headers
      await api.post(
        "/store/customers/me/consents",
        { consents: [{ channel: "sms", purpose: "order_updates", granted: true }] },
        buyer
      )
    })

    it("confirms a paid NGN order once per channel (email and opted-in SMS, not WhatsApp), also when events repeat", async () => {
      const orderId = await placeOrder(api, getContainer(), setup, fakes(), {
        headers: buyer,
        region: "nigeria",
        items: [
          ["FIX-TEE-S-IND", 2],
          ["FIX-CARD-OS", 1],
        ],
        person: BUYER,
      })
      await waitFor(async () => (await sentWith(orderId, "order-paid")).length === 2, { what: "payment messages" })
      await waitFor(async () => (await sentWith(orderId, "order-placed")).length === 2, { what: "confirmations" })

      const { data } = await api.get(`/admin/orders/${orderId}?fields=display_id,payment_collections.payments.id`, admin)
      const paymentId = data.order.payment_collections[0].payments[0].id
      await redeliver("order.placed", orderId)
      await redeliver("payment.captured", paymentId)

      const placed = await sentWith(orderId, "order-placed")
      expect(placed.map((n) => [n.channel, n.to, n.status]).sort()).toEqual([
        ["email", BUYER.email, "success"],
        ["sms", BUYER.phone, "success"],
      ])
      expect(await sentWith(orderId, "order-paid")).toHaveLength(2)
      expect(whatsapp.messages).toHaveLength(0)

      const confirmation = emailsWith(new RegExp(`^Order #${data.order.display_id} confirmed$`))
      expect(confirmation).toHaveLength(1)
      expect(confirmation[0].to).toEqual([BUYER.email])
      // 2 x 12,500 + 9,500 + 3,500 delivery, VAT inclusive.
      expect(confirmation[0].text).toContain("Total: ₦38,000.00")
      expect(confirmation[0].html).toContain("₦12,500.00")
      expect(confirmation[0].text).toMatch(/Hello Chiamaka,/)
      expect(confirmation[0].text).toMatch(/\/orders\/order_\w+\/tracking\?token=/)
      const sms = twilio.messages.filter((m) => m.to === BUYER.phone)
      expect(sms).toHaveLength(2)
      expect(sms.map((m) => m.body).join("\n")).toContain("₦38,000.00")
    })

    it("tells the customer about shipment (carrier and tracking), delivery and refund, once each", async () => {
      const orderId = await placeOrder(api, getContainer(), setup, fakes(), {
        headers: buyer,
        region: "nigeria",
        items: [["FIX-CARD-OS", 2]],
        person: BUYER,
      })
      const { data } = await api.get(
        `/admin/orders/${orderId}?fields=display_id,*items,payment_collections.payments.id`,
        admin
      )
      const items = data.order.items.map((i: { id: string; quantity: number }) => ({ id: i.id, quantity: i.quantity }))
      const { data: fulfilled } = await api.post(
        `/admin/orders/${orderId}/fulfillments?fields=fulfillments.id`,
        { items, metadata: { carrier: "GIG Logistics" } },
        admin
      )
      const fulfillmentId = fulfilled.order.fulfillments[0].id
      await api.post(
        `/admin/orders/${orderId}/fulfillments/${fulfillmentId}/shipments`,
        {
          items,
          labels: [
            { tracking_number: "GIG-5521-ABJ", tracking_url: "https://track.gig.example/GIG-5521-ABJ", label_url: "https://l.example/1.pdf" },
          ],
        },
        admin
      )
      await waitFor(async () => (await sentWith(orderId, "order-shipped")).length === 2, { what: "shipped messages" })
      await redeliver("shipment.created", fulfillmentId)
      const shipped = emailsWith(new RegExp(`^Order #${data.order.display_id} has shipped$`))
      expect(shipped).toHaveLength(1)
      expect(shipped[0].text).toContain("GIG Logistics")
      expect(shipped[0].text).toContain("Tracking number: GIG-5521-ABJ")
      expect(shipped[0].text).toContain("https://track.gig.example/GIG-5521-ABJ")

      await api.post(`/admin/orders/${orderId}/fulfillments/${fulfillmentId}/mark-as-delivered`, {}, admin)
      await waitFor(async () => (await sentWith(orderId, "order-delivered")).length === 2, { what: "delivered messages" })
      await redeliver("delivery.created", fulfillmentId)
      expect(await sentWith(orderId, "order-delivered")).toHaveLength(2)

      const paymentId = data.order.payment_collections[0].payments[0].id
      await api.post(`/admin/payments/${paymentId}/refund`, { amount: 4750 }, admin)
      await waitFor(async () => (await sentWith(orderId, "order-refunded")).length === 2, { what: "refund messages" })
      await redeliver("payment.refunded", paymentId)
      const refunded = emailsWith(new RegExp(`^Refund for order #${data.order.display_id}$`))
      expect(refunded).toHaveLength(1)
      expect(refunded[0].text).toContain("We have refunded ₦4,750.00")
      expect(await sentWith(orderId, "order-refunded")).toHaveLength(2)
    })

    it("emails a guest's USD order in dollars, and its cancellation once; no SMS without consent", async () => {
      const orderId = await placeOrder(api, getContainer(), setup, fakes(), {
        headers: storeHeaders(setup),
        region: "international",
        items: [["FIX-SCARF-WINE", 1]],
        email: GUEST_EMAIL,
      })
      await waitFor(async () => (await sentWith(orderId, "order-placed")).length === 1, { what: "guest confirmation" })
      const confirmation = resend.emails.find((e) => e.to.includes(GUEST_EMAIL) && / confirmed$/.test(e.subject))!
      expect(confirmation.text).toMatch(/Total: \$\d{1,3}(,\d{3})*\.\d{2}/)
      expect(confirmation.text).not.toContain("₦")

      await api.post(`/admin/orders/${orderId}/cancel`, {}, admin)
      await waitFor(async () => (await sentWith(orderId, "order-canceled")).length === 1, { what: "cancel email" })
      await redeliver("order.canceled", orderId)
      const rows = await notificationsOf(orderId)
      expect(rows.filter((n) => n.template === "order-canceled")).toEqual([
        expect.objectContaining({ channel: "email", to: GUEST_EMAIL, status: "success" }),
      ])
      expect(rows.every((n) => n.channel === "email")).toBe(true)
    })
  },
})
