import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { StoreSetup } from "../../src/lib/setup/store"
import { BROADCAST_MODULE } from "../../src/modules/broadcast"
import BroadcastModuleService from "../../src/modules/broadcast/service"
import { CONSENT_MODULE } from "../../src/modules/consent"
import ConsentModuleService from "../../src/modules/consent/service"
import type ConciergeModuleService from "../../src/modules/concierge/service"
import { usePaymentFakes } from "../utils/env"
import { adminHeaders, seedStore, storeHeaders } from "../utils/store"
import { waitFor } from "../utils/wait-for"

jest.setTimeout(180_000)

const fakes = usePaymentFakes()

// Values distinctive enough that a database-wide ILIKE scan finds only this customer.
const tag = Date.now().toString(36)
const PERSON = {
  email: `zephyrine.${tag}@example.com`,
  password: "correct-horse-battery-staple",
  first_name: "Zephyrine",
  last_name: `Quillfeather${tag}`,
  phone: "+2348091827364",
}
const ADDRESS = {
  first_name: PERSON.first_name,
  last_name: PERSON.last_name,
  phone: PERSON.phone,
  address_1: "7 Zephyr Close",
  city: "Lagos",
  country_code: "ng",
  postal_code: "100001",
}

/** The messages placing and paying for an order send to the customer. */
const ORDER_TEMPLATES = ["order-placed", "order-paid"]

type ReceivedBroadcast = { broadcast: { name: string }; address: string }

/** Export rows created in the same instant come in either order: sorted by broadcast name. */
const byBroadcastName = (rows: ReceivedBroadcast[]) =>
  [...rows].sort((a, b) => a.broadcast.name.localeCompare(b.broadcast.name))

type Headers = { headers: Record<string, string> }
type Reply = { status: number; data: unknown }
type Hit = { table: string; column: string; value: string }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let setup: StoreSetup
    let admin: Headers
    let customer: Headers
    let customerId: string
    let orderId: string
    let orderTotal: number
    /** The customer's recipient rows: an email broadcast sent to them, an SMS one still waiting. */
    let recipientIds: { email: string; sms: string }
    let conversationId: string

    const withToken = (token: string): Headers => ({
      headers: { ...storeHeaders(setup).headers, authorization: `Bearer ${token}` },
    })
    /** The response of a request, also when it is an error status. */
    const call = (request: Promise<Reply>): Promise<Reply> =>
      request.catch((e: { response?: Reply }) => {
        if (!e.response) {
          throw e
        }
        return e.response
      })

    const variantId = async (sku: string) => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "product_variant", fields: ["id"], filters: { sku } })
      return data[0].id
    }

    /** Register, create the customer, log in: what a storefront does. */
    const registerCustomer = async () => {
      const { data: registration } = await api.post("/auth/customer/emailpass/register", {
        email: PERSON.email,
        password: PERSON.password,
      })
      const { data } = await api.post(
        "/store/customers",
        { email: PERSON.email, first_name: PERSON.first_name, last_name: PERSON.last_name, phone: PERSON.phone },
        withToken(registration.token)
      )
      const { data: login } = await api.post("/auth/customer/emailpass", {
        email: PERSON.email,
        password: PERSON.password,
      })
      await api.post("/store/customers/me/addresses", ADDRESS, withToken(login.token))
      return { id: data.customer.id as string, headers: withToken(login.token) }
    }

    /** The NGN checkout of checkout.spec.ts, as the logged-in customer, paid through the Paystack fake. */
    const placeOrder = async () => {
      const { data } = await api.post("/store/carts", { region_id: setup.regions.nigeria }, customer)
      const cartId = data.cart.id
      const item = { variant_id: await variantId("FIX-TEE-S-IND"), quantity: 1 }
      await api.post(`/store/carts/${cartId}/line-items`, item, customer)
      await api.post(`/store/carts/${cartId}`, { shipping_address: ADDRESS, billing_address: ADDRESS }, customer)
      const options = await api.get(`/store/shipping-options?cart_id=${cartId}`, customer)
      const option = options.data.shipping_options.find((o: { name: string }) => /standard/i.test(o.name))
      await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: option.id }, customer)
      const collection = await api.post("/store/payment-collections", { cart_id: cartId }, customer)
      const { data: session } = await api.post(
        `/store/payment-collections/${collection.data.payment_collection.id}/payment-sessions`,
        { provider_id: "pp_paystack_paystack", data: {} },
        customer
      )
      const reference = session.payment_collection.payment_sessions[0].data.reference
      const event = fakes().paystack.chargeSuccessEvent(reference)
      const webhook = await api.post("/hooks/payment/paystack_paystack", event.body, { headers: event.headers })
      expect(webhook.status).toBe(200)
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      return waitFor(
        async () => {
          const { data } = await query.graph({
            entity: "order_cart",
            fields: ["order_id"],
            filters: { cart_id: cartId },
          })
          return data[0]?.order_id as string | undefined
        },
        { what: `order for cart ${cartId}` }
      )
    }

    /** What a broadcast keeps about the customer: one sent email, one SMS not sent yet. */
    const addBroadcastRecipients = async () => {
      const broadcasts = getContainer().resolve<BroadcastModuleService>(BROADCAST_MODULE)
      const [email, sms] = await broadcasts.createBroadcasts([
        { name: "Harmattan sale", channel: "email", body: "x", audience: { type: "all" } },
        { name: "Flash sale", channel: "sms", body: "x", audience: { type: "all" } },
      ])
      const [sent, queued] = await broadcasts.createBroadcastRecipients([
        { broadcast_id: email.id, customer_id: customerId, address: PERSON.email, status: "sent", sent_at: new Date() },
        { broadcast_id: sms.id, customer_id: customerId, address: PERSON.phone, status: "queued" },
      ])
      return { email: sent.id, sms: queued.id }
    }

    const listRecipients = async () => {
      const broadcasts = getContainer().resolve<BroadcastModuleService>(BROADCAST_MODULE)
      const rows = await broadcasts.listBroadcastRecipients({ id: [recipientIds.email, recipientIds.sms] })
      const byId = new Map(rows.map((row) => [row.id, row]))
      return { email: byId.get(recipientIds.email)!, sms: byId.get(recipientIds.sms)! }
    }

    /** The customer's stored marketing answers as `channel: granted/source`, sorted. */
    const marketingConsents = async () => {
      const consents = getContainer().resolve<ConsentModuleService>(CONSENT_MODULE)
      const rows = await consents.listCustomerConsents({ customer_id: customerId, purpose: "marketing" })
      return rows.map((row) => `${row.channel}: ${row.granted}/${row.source}`).sort()
    }

    const getOrder = async () => {
      const { data } = await api.get(`/admin/orders/${orderId}?fields=id,email,total,*shipping_address`, admin)
      return data.order
    }

    /** Every text, varchar and json(b) column of every table in `public`, searched with parameterized ILIKE. */
    const scanDatabase = async (needles: string[]): Promise<Hit[]> => {
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const { rows: columns } = await pg.raw<{ rows: { table_name: string; column_name: string }[] }>(
        `select c.table_name, c.column_name
           from information_schema.columns c
           join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
          where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
            and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb')`
      )
      const patterns = needles.map((n) => `%${n}%`)
      const anyPattern = `any (array[${patterns.map(() => "?").join(", ")}])`
      const hits: Hit[] = []
      for (const { table_name, column_name } of columns) {
        const { rows } = await pg.raw<{ rows: { value: string }[] }>(
          `select ??::text as value from ?? where ??::text ilike ${anyPattern} limit 3`,
          [column_name, table_name, column_name, ...patterns]
        )
        hits.push(...rows.map(({ value }) => ({ table: table_name, column: column_name, value: value.slice(0, 200) })))
      }
      return hits
    }

    /** `updated_at` of every row the erase could touch, to show a second erase writes nothing. */
    const rowVersions = async () => {
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const tables = ["customer", "customer_address", "order", "order_address", "fulfillment_address", "cart"]
      const extra = ["cart_address", "notification", "payment_session", "payment", "account_holder", "auth_identity"]
      const messaging = ["customer_consent", "broadcast_recipient", "concierge_conversation", "concierge_message"]
      const versions: Record<string, unknown> = {}
      for (const table of [...tables, ...extra, ...messaging, "provider_identity", "workflow_execution"]) {
        const { rows } = await pg.raw("select id, updated_at, deleted_at from ?? order by id", [table])
        versions[table] = rows
      }
      return versions
    }

    beforeAll(async () => {
      setup = await seedStore(getContainer())
      admin = await adminHeaders(api)
      const registered = await registerCustomer()
      customerId = registered.id
      customer = registered.headers
      const consent = await api.post(
        "/store/customers/me/consents",
        { consents: [{ channel: "sms", purpose: "marketing", granted: true }] },
        customer
      )
      expect(consent.status).toBe(200)
      recipientIds = await addBroadcastRecipients()
      orderId = await placeOrder()
      orderTotal = (await getOrder()).total
      // Fulfilling copies the shipping address into the fulfillment module.
      const { data: placed } = await api.get(`/admin/orders/${orderId}?fields=id,*items`, admin)
      const items = placed.order.items.map((i: { id: string; quantity: number }) => ({ id: i.id, quantity: i.quantity }))
      await api.post(`/admin/orders/${orderId}/fulfillments`, { items }, admin)
      const notifications = getContainer().resolve(Modules.NOTIFICATION)
      // The order's own messages (placed, paid) go out from subscribers: wait for them to be recorded.
      await waitFor(
        async () => {
          const sent = await notifications.listNotifications({ resource_id: orderId, template: ORDER_TEMPLATES })
          return sent.length === ORDER_TEMPLATES.length
        },
        { what: "the order's notifications" }
      )
      // So is the activity entry for placing it, which the export below includes.
      await waitFor(
        async () => {
          const { data } = await api.get(`/admin/activity?resource_id=${orderId}`, admin)
          return data.events.some((event: { action: string }) => event.action === "order.placed")
        },
        { what: "the order's activity entry" }
      )
      // A concierge conversation: the storefront escalation, then the customer writing on WhatsApp.
      const escalation = await api.post(
        "/store/concierge/escalations",
        { phone: PERSON.phone, message: `This is ${PERSON.first_name} ${PERSON.last_name}, about my order`, order_id: orderId },
        customer
      )
      expect(escalation.status).toBe(201)
      conversationId = escalation.data.conversation.id
      await getContainer()
        .resolve<ConciergeModuleService>("concierge")
        .recordInboundMessages([
          {
            whatsapp_message_id: `wamid.gdpr-${tag}`,
            from: PERSON.phone.slice(1),
            profile_name: `${PERSON.first_name} ${PERSON.last_name}`,
            type: "text",
            text: `Please write to ${PERSON.email}`,
            sent_at: new Date(),
          },
        ])
      // A provider failure still leaves the record, which is what the erase must reach.
      await notifications
        .createNotifications({ to: PERSON.email, channel: "email", template: "test", data: {} })
        .catch(() => undefined)
      await notifications
        .createNotifications({
          to: `old-inbox-${tag}@example.com`,
          receiver_id: customerId,
          channel: "email",
          template: "test-receiver",
          data: { greeting: `Hello ${PERSON.first_name}` },
        })
        .catch(() => undefined)
    })

    describe("access", () => {
      it("needs a customer token for the store routes", async () => {
        const store = storeHeaders(setup)
        expect((await call(api.get("/store/customers/me/export", store))).status).toBe(401)
        expect((await call(api.post("/store/customers/me/erase", {}, store))).status).toBe(401)
      })

      it("answers 404 for an unknown customer id", async () => {
        const exported = await call(api.get("/admin/customers/cus_unknown/export", admin))
        expect(exported.status).toBe(404)
        const erased = await call(api.post("/admin/customers/cus_unknown/erase", {}, admin))
        expect(erased.status).toBe(404)
      })

      it("rejects unknown export query parameters", async () => {
        const response = await call(api.get("/admin/customers/cus_unknown/export?format=csv", admin))
        expect(response.status).toBe(400)
        expect(response.data).toMatchObject({ type: "invalid_data", message: expect.stringContaining("format") })
      })

      it("rejects an erase body with fields (and erases nothing)", async () => {
        const response = await call(api.post("/store/customers/me/erase", { confirm: true }, customer))
        expect(response.status).toBe(400)
        expect(response.data).toMatchObject({ type: "invalid_data", message: expect.stringContaining("confirm") })
        const { data } = await api.get("/store/customers/me", customer)
        expect(data.customer.email).toBe(PERSON.email)
      })
    })

    describe("export", () => {
      it("returns every kind of record as a JSON download, without secrets", async () => {
        const response = await api.get("/store/customers/me/export", customer)
        expect(response.status).toBe(200)
        expect(response.headers["content-disposition"]).toBe(
          `attachment; filename="customer-${customerId}-export.json"`
        )
        const exported = response.data.export
        expect(Date.parse(exported.generated_at)).not.toBeNaN()
        expect(exported.customer).toMatchObject({ id: customerId, email: PERSON.email, phone: PERSON.phone })
        expect(exported.addresses).toEqual([expect.objectContaining({ address_1: ADDRESS.address_1 })])

        expect(exported.orders).toHaveLength(1)
        const [order] = exported.orders
        expect(order).toMatchObject({ id: orderId, email: PERSON.email, total: orderTotal })
        expect(order.items).toEqual([expect.objectContaining({ variant_sku: "FIX-TEE-S-IND", quantity: 1 })])
        expect(order.shipping_address).toMatchObject({ first_name: PERSON.first_name, address_1: ADDRESS.address_1 })
        expect(order.billing_address).toMatchObject({ last_name: PERSON.last_name })
        expect(order.fulfillments).toEqual([
          expect.objectContaining({ delivery_address: expect.objectContaining({ address_1: ADDRESS.address_1 }) }),
        ])
        const payments = order.payment_collections.flatMap((pc: { payments: unknown[] }) => pc.payments)
        expect(payments).toEqual([
          expect.objectContaining({
            provider_id: "pp_paystack_paystack",
            amount: orderTotal,
            currency_code: "ngn",
            status: "captured",
            captured_amount: orderTotal,
            refunded_amount: 0,
          }),
        ])
        expect(payments[0]).not.toHaveProperty("data")

        expect(exported.carts).toEqual([
          expect.objectContaining({
            email: PERSON.email,
            shipping_address: expect.objectContaining({ address_1: ADDRESS.address_1 }),
            payment_collection: expect.objectContaining({
              payment_sessions: [expect.objectContaining({ provider_id: "pp_paystack_paystack" })],
            }),
          }),
        ])
        expect(exported.notifications.map((n: { template: string }) => n.template).sort()).toEqual([
          "order-paid",
          "order-placed",
          "test",
          "test-receiver",
        ])
        expect(exported.auth_identities).toEqual([
          { id: expect.any(String), providers: [{ provider: "emailpass", entity_id: PERSON.email }] },
        ])
        // Every channel and purpose: the customer's SMS opt-in, the defaults elsewhere.
        expect(exported.consents).toHaveLength(6)
        expect(exported.consents).toContainEqual({
          channel: "sms",
          purpose: "marketing",
          granted: true,
          source: "customer",
          created_at: expect.any(String),
          updated_at: expect.any(String),
        })
        expect(exported.consents).toContainEqual(
          expect.objectContaining({ channel: "whatsapp", purpose: "marketing", granted: false, source: "default" })
        )
        // Both rows were created in the same instant: compared by broadcast name, not by position.
        expect(byBroadcastName(exported.broadcasts_received)).toEqual([
          expect.objectContaining({
            broadcast: expect.objectContaining({ name: "Flash sale", channel: "sms" }),
            address: PERSON.phone,
            status: "queued",
            sent_at: null,
          }),
          {
            broadcast: { id: expect.any(String), name: "Harmattan sale", channel: "email", status: "draft" },
            address: PERSON.email,
            status: "sent",
            sent_at: expect.any(String),
            created_at: expect.any(String),
          },
        ])
        expect(exported.concierge_conversations).toEqual([
          expect.objectContaining({
            id: conversationId,
            customer_phone: PERSON.phone,
            order_id: orderId,
            messages: [
              expect.objectContaining({ channel: "storefront", text: expect.stringContaining(PERSON.last_name) }),
              expect.objectContaining({ channel: "whatsapp", text: `Please write to ${PERSON.email}` }),
            ],
          }),
        ])
        // The activity log's entries by or about the customer: here, placing the order.
        expect(exported.activity).toEqual([
          expect.objectContaining({
            action: "order.placed",
            actor_type: "customer",
            actor_id: customerId,
            resource_type: "order",
            resource_id: orderId,
          }),
        ])
        expect(exported.sources).toHaveProperty("consents")
        expect(exported.sources).toHaveProperty("broadcasts_received")

        const auth = getContainer().resolve(Modules.AUTH)
        const [identity] = await auth.listProviderIdentities({ entity_id: PERSON.email })
        const passwordHash = identity.provider_metadata?.password
        expect(typeof passwordHash).toBe("string")
        const text = JSON.stringify(exported)
        const secrets = [String(passwordHash), "provider_metadata", "user_metadata", "access_code", "authorization_url"]
        for (const secret of secrets) {
          expect(text).not.toContain(secret)
        }
        expect(text).not.toContain(fakes().paystack.secretKey)
      })

      it("gives staff the same export by customer id", async () => {
        const response = await api.get(`/admin/customers/${customerId}/export`, admin)
        expect(response.status).toBe(200)
        expect(response.headers["content-disposition"]).toContain(`customer-${customerId}-export.json`)
        expect(response.data.export.customer.id).toBe(customerId)
        expect(response.data.export.orders).toHaveLength(1)
      })
    })

    describe("erase", () => {
      // The phone's national number matches it in every form: +234…, WhatsApp's 234… and the local 0….
      const needles = [PERSON.email, PERSON.phone.slice("+234".length), PERSON.first_name, PERSON.last_name]

      it("finds the customer's data in the database before the erase (the scan works)", async () => {
        const hits = await scanDatabase(needles)
        const tables = new Set(hits.map((h) => h.table))
        const expected = ["customer", "customer_address", "order", "order_address", "cart", "cart_address"]
        const copies = [
          "fulfillment_address",
          "payment_session",
          "notification",
          "provider_identity",
          "broadcast_recipient",
          "concierge_conversation",
          "concierge_message",
        ]
        for (const table of [...expected, ...copies]) {
          expect(tables).toContain(table)
        }
      })

      it("anonymises the customer everywhere, keeps the order and its total, and ends the login", async () => {
        const response = await api.post("/store/customers/me/erase", {}, customer)
        expect(response.status).toBe(202)
        expect(response.data).toEqual({ erased: true })

        const hits = await scanDatabase(needles)
        expect(hits.map((h) => `${h.table}.${h.column}: ${h.value}`)).toEqual([])

        const order = await getOrder()
        expect(order.total).toBe(orderTotal)
        expect(order.email).toBe(`erased+${customerId}@erased.invalid`)
        expect(order.shipping_address).toMatchObject({ first_name: null, address_1: null, country_code: "ng" })

        const fields = "id,email,first_name,last_name,phone,company_name,has_account,*addresses"
        const { data } = await api.get(`/admin/customers/${customerId}?fields=${fields}`, admin)
        expect(data.customer).toMatchObject({
          email: `erased+${customerId}@erased.invalid`,
          first_name: null,
          last_name: null,
          phone: null,
          company_name: null,
          has_account: false,
          addresses: [],
        })

        const credentials = { email: PERSON.email, password: PERSON.password }
        const login = await call(api.post("/auth/customer/emailpass", credentials))
        expect(login.status).toBe(401)

        // Broadcast rows stay for the counts, without the address; the waiting SMS is not sent.
        const recipients = await listRecipients()
        expect(recipients.email).toMatchObject({ address: `erased+${customerId}@erased.invalid`, status: "sent" })
        expect(recipients.sms).toMatchObject({ address: "[erased]", status: "skipped" })
        // Marketing is refused on every channel, the SMS opt-in included.
        expect(await marketingConsents()).toEqual([
          "email: false/erasure",
          "sms: false/erasure",
          "whatsapp: false/erasure",
        ])
        const consents = getContainer().resolve<ConsentModuleService>(CONSENT_MODULE)
        for (const channel of ["email", "sms", "whatsapp"] as const) {
          expect((await consents.isGranted([customerId], channel, "marketing")).get(customerId)).toBe(false)
        }
      })

      it("restores everything it changed when a step fails (compensation)", async () => {
        // A guest customer holding the erased address makes the customer update (a late step) fail.
        const customers = getContainer().resolve(Modules.CUSTOMER)
        await customers.createCustomers({ email: `erased+${customerId}@erased.invalid` })
        const response = await call(api.post(`/admin/customers/${customerId}/erase`, {}, admin))
        expect(response.status).toBe(400)

        const tables = new Set((await scanDatabase(needles)).map((h) => h.table))
        const restored = ["customer", "customer_address", "order", "order_address", "fulfillment_address", "cart"]
        const copies = ["cart_address", "payment_session", "notification", "provider_identity", "broadcast_recipient"]
        for (const table of [...restored, ...copies]) {
          expect(tables).toContain(table)
        }
        const recipients = await listRecipients()
        expect(recipients.email).toMatchObject({ address: PERSON.email, status: "sent" })
        expect(recipients.sms).toMatchObject({ address: PERSON.phone, status: "queued", last_error: null })
        expect(await marketingConsents()).toEqual(["sms: true/customer"])
        const order = await getOrder()
        expect(order).toMatchObject({ email: PERSON.email, total: orderTotal })
        const login = await api.post("/auth/customer/emailpass", { email: PERSON.email, password: PERSON.password })
        expect(login.status).toBe(200)
      })

      it("is idempotent: erasing again succeeds, answers the same and writes nothing", async () => {
        const first = await api.post(`/admin/customers/${customerId}/erase`, {}, admin)
        expect(first.status).toBe(200)
        expect(first.data).toEqual({ customer_id: customerId, erased_at: expect.any(String) })
        const before = await rowVersions()

        const again = await api.post(`/admin/customers/${customerId}/erase`, {}, admin)
        expect(again.status).toBe(200)
        expect(again.data).toEqual(first.data)
        const fromStore = await api.post("/store/customers/me/erase", {}, customer)
        expect(fromStore.status).toBe(202)
        expect(await rowVersions()).toEqual(before)
        expect((await getOrder()).total).toBe(orderTotal)
        expect(await scanDatabase(needles)).toEqual([])

        const { data } = await api.get(`/admin/customers/${customerId}/export`, admin)
        const text = JSON.stringify(data.export).toLowerCase()
        for (const needle of needles) {
          expect(text).not.toContain(needle.toLowerCase())
        }
        expect(data.export.customer.metadata).toEqual({ erased_at: first.data.erased_at })
        expect(data.export.addresses).toEqual([])
        expect(data.export.auth_identities).toEqual([])
        expect(data.export.orders).toHaveLength(1)
        expect(data.export.notifications).toHaveLength(4)
        expect(byBroadcastName(data.export.broadcasts_received).map((r) => r.address)).toEqual([
          "[erased]",
          `erased+${customerId}@erased.invalid`,
        ])
        expect(data.export.consents.filter((c: { purpose: string }) => c.purpose === "marketing")).toEqual(
          ["email", "sms", "whatsapp"].map((channel) =>
            expect.objectContaining({ channel, granted: false, source: "erasure" })
          )
        )
      })
    })
  },
})
