import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
// Types only: importing the workflows would load src/config before the fakes set the environment.
import type { SendAdminAlertWorkflowInput } from "../../src/workflows/admin-alerts/send-admin-alert"
import type { AdminDigestData, SendAdminDigestWorkflowInput } from "../../src/workflows/admin-alerts/send-admin-digest"
import type ConciergeModuleService from "../../src/modules/concierge/service"
import { addDays, localDate, localDayRange } from "../../src/lib/store-day"
import { FakeResend } from "../fakes/resend"
import { FakeWhatsApp } from "../fakes/whatsapp"
import { PaymentFakes, startEmailFake, startPaymentFakes, startWhatsAppFake } from "../utils/env"
import { createStaffUser } from "../utils/staff"
import { ADMIN, seedStore } from "../utils/store"

jest.setTimeout(180_000)

// A zone far from UTC, with daylight saving, so UTC days and store days differ.
const TIME_ZONE = "America/New_York"
const STAFF_WHATSAPP = "+2348012345678"
const OPS_ADMIN = "ops.admin@store.test"
const BACKEND_URL = "https://api.store.test"

let fakes: PaymentFakes
let resend: FakeResend
let whatsapp: FakeWhatsApp

beforeAll(async () => {
  fakes = await startPaymentFakes()
  resend = await startEmailFake()
  whatsapp = await startWhatsAppFake()
  Object.assign(process.env, {
    STORE_TIMEZONE: TIME_ZONE,
    ADMIN_ALERT_WHATSAPP_TO: STAFF_WHATSAPP,
    BACKEND_URL,
  })
})

afterAll(async () => {
  await Promise.all([fakes.paystack.close(), fakes.stripe.close(), resend.close(), whatsapp.close()])
})

type RunResult<T> = { result: T }

const runWorkflow = async <T>(container: MedusaContainer, workflowId: string, input: object): Promise<T> => {
  const engine = container.resolve(Modules.WORKFLOW_ENGINE)
  const { result } = (await engine.run(workflowId, { input, throwOnError: true })) as RunResult<T>
  return result
}

const recipientsOf = (emails: { to: string[] }[]) => emails.flatMap((email) => email.to).sort()

// Setting up low stock also sends low-stock alerts (inventory subscriber); the digest is its own mail.
const digestEmails = () => resend.emails.filter((email) => email.idempotency_key?.startsWith("admin-digest:"))

medusaIntegrationTestRunner({
  testSuite: ({ getContainer }) => {
    const admins = [ADMIN.email, OPS_ADMIN].sort()

    beforeAll(async () => {
      const container = getContainer()
      await seedStore(container)
      await createStaffUser(container, OPS_ADMIN, "admin")
      await createStaffUser(container, "support.person@store.test", "support")
      await createStaffUser(container, "concierge.person@store.test", "concierge")
    })

    beforeEach(() => {
      resend.reset()
      whatsapp.reset()
    })

    describe("admin alerts", () => {
      const alert = (input: SendAdminAlertWorkflowInput) =>
        runWorkflow<{ notification_ids: string[] }>(getContainer(), "send-admin-alert", input)

      it("emails every admin once, and nobody else, even when the same alert is raised twice", async () => {
        const input = {
          key: "low-stock:sku-1:2026-01-01",
          title: "Low stock: Ankara tote",
          message: "Only 2 left at the Lagos warehouse.",
          url: "/app/inventory/iitem_1",
        }
        await alert(input)
        await alert(input)

        expect(recipientsOf(resend.emails)).toEqual(admins)
        const mail = resend.lastTo(OPS_ADMIN)!
        expect(mail.subject).toContain("Low stock: Ankara tote")
        expect(mail.text).toContain("Only 2 left at the Lagos warehouse.")
        expect(mail.text).toContain(`${BACKEND_URL}/app/inventory/iitem_1`)
        expect(mail.idempotency_key).toBe(`admin-alert:${input.key}:email:${OPS_ADMIN}`)

        // A different key is a different alert.
        await alert({ ...input, key: "low-stock:sku-1:2026-01-02" })
        expect(recipientsOf(resend.emails)).toEqual([...admins, ...admins].sort())
      })

      it("sends a WhatsApp message to the staff number once", async () => {
        const key = "escalation:conv_1"
        await alert({ key, title: "New concierge escalation", message: "A customer asked for a human." })
        await alert({ key, title: "New concierge escalation", message: "A customer asked for a human." })

        const sent = whatsapp.messages.filter((m) => m.to === STAFF_WHATSAPP.replace("+", ""))
        expect(sent).toHaveLength(1)
        expect(sent[0].type).toBe("text")
        expect(sent[0].text).toContain("New concierge escalation")
        expect(sent[0].text).toContain("A customer asked for a human.")

        const notifications = await getContainer()
          .resolve(Modules.NOTIFICATION)
          .listNotifications({ channel: "whatsapp", to: STAFF_WHATSAPP })
        const forKey = notifications.filter((n) => n.data?.title === "New concierge escalation")
        expect(forKey).toHaveLength(1)
        expect(forKey[0]).toMatchObject({
          template: "admin-alert",
          status: "success",
          // Not in NotificationDTO's type, but stored and returned.
          idempotency_key: `admin-alert:${key}:whatsapp:${STAFF_WHATSAPP}`,
        })
      })

      it("after a failed send, a retry with the same key sends only what is missing", async () => {
        const input = { key: "retry-me", title: "Payment webhook failing", message: "3 failures in 10 minutes." }
        const notifications = getContainer().resolve(Modules.NOTIFICATION)
        const recordsForAlert = async () => {
          const records = await notifications.listNotifications({ template: "admin-alert", channel: "email" })
          return records
            .filter((n) => n.data?.title === input.title)
            .map((n) => [n.to, n.status])
            .sort()
        }
        // A permanent refusal (422) the provider does not retry, for one admin only.
        resend.rejectAddress(OPS_ADMIN)
        await expect(alert(input)).rejects.toBeTruthy()
        // The other admins got theirs; the refused one is recorded as failed.
        expect(recipientsOf(resend.emails)).toEqual(admins.filter((email) => email !== OPS_ADMIN))
        expect(await recordsForAlert()).toEqual(
          admins.map((email) => [email, email === OPS_ADMIN ? "failure" : "success"])
        )

        resend.acceptAddress(OPS_ADMIN)
        const { notification_ids } = await alert(input)
        expect(notification_ids).toHaveLength(1)
        // Exactly one more email, to the admin that failed; nobody got a duplicate.
        expect(recipientsOf(resend.emails)).toEqual(admins)
        expect(resend.lastTo(OPS_ADMIN)!.idempotency_key).toBe(`admin-alert:${input.key}:email:${OPS_ADMIN}`)
        // One record per message, all sent: the failed one was retried in place.
        expect(await recordsForAlert()).toEqual(admins.map((email) => [email, "success"]))
      })

      it("refuses an alert without a title or with a link that is not http(s)", async () => {
        await expect(alert({ key: "bad-1", title: " ", message: "x" })).rejects.toMatchObject({
          message: expect.stringContaining("title is required"),
        })
        await expect(
          alert({ key: "bad-2", title: "t", message: "m", url: "javascript:alert(1)" })
        ).rejects.toMatchObject({ message: expect.stringContaining("url must be") })
        expect(resend.emails).toHaveLength(0)
      })
    })

    describe("daily digest", () => {
      const digest = (input: SendAdminDigestWorkflowInput) =>
        runWorkflow<{ digest: AdminDigestData; notification_ids: string[] }>(getContainer(), "send-admin-digest", input)

      const today = () => localDate(new Date(), TIME_ZONE)

      /** An order created at `at` (the order module stamps now; the test moves it). */
      const placeOrder = async (
        currency_code: string,
        items: { unit_price: number; quantity: number }[],
        at: Date,
        extra: { is_draft_order?: boolean; cancel?: boolean } = {}
      ) => {
        const container = getContainer()
        const orders = container.resolve(Modules.ORDER)
        const order = await orders.createOrders({
          currency_code,
          email: "buyer@example.com",
          items: items.map((item, i) => ({ title: `Item ${i + 1}`, ...item })),
        })
        if (extra.cancel) {
          await orders.cancel(order.id)
        }
        if (extra.is_draft_order) {
          await orders.updateOrders(order.id, { is_draft_order: true, status: "draft" })
        }
        const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
        await knex("order").where({ id: order.id }).update({ created_at: at })
        return order
      }

      /** An inventory item with the given stock per location (and reserved units at the first). */
      const stockItem = async (
        sku: string,
        title: string,
        stocked: number[],
        { reserved = 0, metadata }: { reserved?: number; metadata?: Record<string, unknown> } = {}
      ) => {
        const container = getContainer()
        const inventory = container.resolve(Modules.INVENTORY)
        const locations = container.resolve(Modules.STOCK_LOCATION)
        const existing = await locations.listStockLocations({}, { order: { created_at: "ASC" } })
        while (existing.length < stocked.length) {
          existing.push(await locations.createStockLocations({ name: `Digest location ${existing.length + 1}` }))
        }
        const item = await inventory.createInventoryItems({ sku, title, metadata })
        await inventory.createInventoryLevels(
          stocked.map((quantity, i) => ({
            inventory_item_id: item.id,
            location_id: existing[i].id,
            stocked_quantity: quantity,
          }))
        )
        if (reserved) {
          await inventory.createReservationItems({
            inventory_item_id: item.id,
            location_id: existing[0].id,
            quantity: reserved,
          })
        }
        return item
      }

      it("emails every admin yesterday's orders per currency, low stock and the concierge count, once", async () => {
        const yesterday = addDays(today(), -1)
        const { from, to } = localDayRange(yesterday, TIME_ZONE)
        const noon = new Date(from.getTime() + 12 * 3600_000)
        // Counted: two NGN orders (one at the first instant of the day) and one USD order just before midnight.
        await placeOrder("ngn", [{ unit_price: 15000, quantity: 1 }], from)
        await placeOrder("ngn", [{ unit_price: 2500.5, quantity: 2 }], noon)
        await placeOrder("usd", [{ unit_price: 19.99, quantity: 1 }], new Date(to.getTime() - 1000))
        // Not counted: canceled, draft, the day before, and today.
        await placeOrder("ngn", [{ unit_price: 99999, quantity: 1 }], noon, { cancel: true })
        await placeOrder("usd", [{ unit_price: 1000, quantity: 1 }], noon, { is_draft_order: true })
        await placeOrder("ngn", [{ unit_price: 7777, quantity: 1 }], new Date(from.getTime() - 1000))
        await placeOrder("usd", [{ unit_price: 500, quantity: 1 }], to)

        await stockItem("DIGEST-LOW", "Adire scarf", [9], { reserved: 5 })
        await stockItem("DIGEST-OVERRIDE", "Brass bangle", [8], { metadata: { low_stock_threshold: 10 } })
        await stockItem("DIGEST-PLENTY", "Leather sandal", [8])
        await stockItem("DIGEST-SPLIT", "Raffia basket", [3, 3])

        // Concierge: one conversation waiting, one resolved (not counted).
        const concierge = getContainer().resolve<ConciergeModuleService>("concierge")
        await concierge.openConversation({ customer_phone: "+2348031234567", message: "Help with sizing" })
        const resolved = await concierge.openConversation({ customer_phone: "+2348039876543", message: "Thanks" })
        await concierge.updateConciergeConversations({ id: resolved.id, status: "resolved" })

        const { digest: data, notification_ids } = await digest({})
        expect(data.date).toBe(yesterday)
        expect(data.revenue).toEqual([
          { currency_code: "ngn", orders: 2, total: "20001.00" },
          { currency_code: "usd", orders: 1, total: "19.99" },
        ])
        const lowSkus = data.low_stock.map((item) => item.sku)
        expect(lowSkus).toEqual(expect.arrayContaining(["DIGEST-LOW", "DIGEST-OVERRIDE"]))
        expect(lowSkus).not.toContain("DIGEST-PLENTY")
        expect(lowSkus).not.toContain("DIGEST-SPLIT")
        expect(data.open_conversations).toBe(1)
        expect(notification_ids).toHaveLength(2)

        expect(recipientsOf(digestEmails())).toEqual(admins)
        const mail = digestEmails().find((e) => e.to.includes(ADMIN.email))!
        expect(mail.idempotency_key).toBe(`admin-digest:${yesterday}:${ADMIN.email}`)
        expect(mail.subject).toContain(yesterday)
        expect(mail.text).toContain("NGN: 2 orders, ₦20,001.00")
        expect(mail.text).toContain("USD: 1 order, $19.99")
        expect(mail.text).toContain("Adire scarf (DIGEST-LOW): 4 available")
        expect(mail.text).toContain("Brass bangle (DIGEST-OVERRIDE): 8 available")
        expect(mail.text).not.toContain("DIGEST-PLENTY")
        expect(mail.text).not.toMatch(/99,999|7,777|\$500|\$1,000/)
        expect(mail.text).toContain("Concierge: 1 open conversation")

        // The job may run more than once in its hour: the day's digest still goes out once.
        const again = await digest({ date: yesterday })
        expect(again.notification_ids).toHaveLength(0)
        expect(digestEmails()).toHaveLength(2)
      })

      it("reports a quiet day with zero orders in each currency", async () => {
        const quiet = addDays(today(), -30)
        const { digest: data } = await digest({ date: quiet })
        expect(data.revenue).toEqual([
          { currency_code: "ngn", orders: 0, total: "0.00" },
          { currency_code: "usd", orders: 0, total: "0.00" },
        ])
        expect(digestEmails().find((e) => e.to.includes(OPS_ADMIN))!.text).toContain("NGN: 0 orders, ₦0.00")
      })

      it("refuses a day that is not over, and a malformed date", async () => {
        await expect(digest({ date: today() })).rejects.toMatchObject({
          message: expect.stringContaining("is not over yet"),
        })
        await expect(digest({ date: "2026-02-30" })).rejects.toMatchObject({
          message: expect.stringContaining("YYYY-MM-DD"),
        })
        expect(digestEmails()).toHaveLength(0)
      })
    })
  },
})
