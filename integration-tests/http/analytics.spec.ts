import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
// Types only: importing the service or script would load src/config before the environment is set.
import type { AnalyticsSnapshotView } from "../../src/modules/analytics-snapshot/service"
import type ConciergeModuleService from "../../src/modules/concierge/service"
import type BroadcastModuleService from "../../src/modules/broadcast/service"
import { addDays, localDate, localDayRange } from "../../src/lib/store-day"
import type { FakePostHog } from "../fakes/posthog"
import { startAnalyticsFake, usePaymentFakes } from "../utils/env"
import { Headers, placeOrder, registerCustomer } from "../utils/orders"
import { createStaffUser, staffHeaders } from "../utils/staff"
import { adminHeaders, seedStore, storeHeaders } from "../utils/store"
import { waitFor } from "../utils/wait-for"
import { StoreSetup } from "../../src/lib/setup/store"

jest.setTimeout(300_000)

// Lagos is UTC+1 all year: a store day runs from 23:00 UTC to 23:00 UTC.
const TIME_ZONE = "Africa/Lagos"
const fakes = usePaymentFakes()
let posthog: FakePostHog
beforeAll(async () => {
  process.env.STORE_TIMEZONE = TIME_ZONE
  // Commerce events go to Medusa's PostHog provider, and through posthog-node to this fake.
  posthog = await startAnalyticsFake()
})
afterAll(() => posthog.close())

const tag = Date.now().toString(36)

const TODAY = localDate(new Date(), TIME_ZONE)
/** The day the constructed data is about (yesterday), the day before, and older days. */
const D = addDays(TODAY, -1)
const P = addDays(TODAY, -2)
const C = addDays(TODAY, -3)
const E = addDays(TODAY, -6)

/** The instant at local wall-clock time `hms` on store day `day`. */
const at = (day: string, hms: string) => {
  const [h, m, s] = hms.split(":").map(Number)
  return new Date(localDayRange(day, TIME_ZONE).from.getTime() + ((h * 60 + m) * 60 + s) * 1000)
}

const PRODUCT_A = "prod_an7_adire"
const PRODUCT_B = "prod_an7_tote"
const PRODUCT_C = "prod_an7_sandal"
const VAT = [{ rate: 7.5, code: "VAT" }]
const US_TAX = [{ rate: 10, code: "US" }]

type Line = {
  product_id: string
  product_title: string
  variant_id: string
  variant_title: string
  variant_sku: string
  unit_price: number
  quantity: number
  is_tax_inclusive?: boolean
  tax_lines?: { rate: number; code: string }[]
  adjustments?: { amount: number; code: string; is_tax_inclusive?: boolean }[]
}

const A1 = {
  product_id: PRODUCT_A,
  product_title: "Adire scarf",
  variant_id: "variant_an7_a1",
  variant_title: "Indigo",
  variant_sku: "AN7-A1",
}
const A2 = {
  product_id: PRODUCT_A,
  product_title: "Adire scarf",
  variant_id: "variant_an7_a2",
  variant_title: "Blue",
  variant_sku: "AN7-A2",
}
const B1 = {
  product_id: PRODUCT_B,
  product_title: "Ankara tote",
  variant_id: "variant_an7_b1",
  variant_title: "Large",
  variant_sku: "AN7-B1",
}
const C1 = {
  product_id: PRODUCT_C,
  product_title: "Leather sandal",
  variant_id: "variant_an7_c1",
  variant_title: "42",
  variant_sku: "AN7-C1",
}

/** Figures that are not money, not counts or lists: compared separately. */
const comparable = (snapshot: AnalyticsSnapshotView) => {
  const { id: _id, computed_at: _at, ...figures } = snapshot
  return figures
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let setup: StoreSetup
    let admin: Headers
    let lowStockBaseline: number
    const customers: Record<"ada" | "bola" | "chidi" | "dayo", string> = { ada: "", bola: "", chidi: "", dayo: "" }

    const BUYER = {
      email: `ngozi.${tag}@example.com`,
      password: "correct-horse-battery-staple",
      first_name: "Ngozi",
      last_name: "Okafor",
    }

    const knex = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)

    /** An order through the order module, moved to `createdAt` (the module stamps now). */
    const createOrder = async (
      container: MedusaContainer,
      input: {
        currency_code: "ngn" | "usd"
        customer_id?: string
        items: Line[]
        shipping?: { amount: number; is_tax_inclusive?: boolean; tax_lines?: { rate: number; code: string }[] }
        createdAt: Date
      }
    ) => {
      const orders = container.resolve(Modules.ORDER)
      const order = await orders.createOrders({
        currency_code: input.currency_code,
        customer_id: input.customer_id,
        email: `buyer.${tag}@example.com`,
        items: input.items.map((item) => ({ title: item.product_title, ...item })),
        shipping_methods: input.shipping ? [{ name: "Standard delivery", ...input.shipping }] : [],
      })
      await knex()("order").where({ id: order.id }).update({ created_at: input.createdAt })
      return order.id
    }

    const createCart = async (currency_code: string, createdAt: Date, completedAt?: Date) => {
      const cart = await getContainer().resolve(Modules.CART).createCarts({ currency_code })
      await knex()("cart")
        .where({ id: cart.id })
        .update({ created_at: createdAt, completed_at: completedAt ?? null })
    }

    beforeAll(async () => {
      const container = getContainer()
      setup = await seedStore(container)
      admin = await adminHeaders(api)
      await createStaffUser(container, `support.${tag}@store.test`, "support")

      const customerModule = container.resolve(Modules.CUSTOMER)
      for (const name of Object.keys(customers) as (keyof typeof customers)[]) {
        const customer = await customerModule.createCustomers({ email: `${name}.${tag}@example.com`, first_name: name })
        customers[name] = customer.id
      }

      // Ada ordered long ago, so she is a returning customer on D.
      await createOrder(container, {
        currency_code: "ngn",
        customer_id: customers.ada,
        items: [{ ...A1, unit_price: 1075, quantity: 1, is_tax_inclusive: true, tax_lines: VAT }],
        createdAt: at(E, "12:00:00"),
      })

      // Day P, NGN: Bola's first order, one second before midnight (VAT included: 10,750 + 2,150 delivery).
      const o3 = await createOrder(container, {
        currency_code: "ngn",
        customer_id: customers.bola,
        items: [{ ...B1, unit_price: 5375, quantity: 2, is_tax_inclusive: true, tax_lines: VAT }],
        shipping: { amount: 2150, is_tax_inclusive: true, tax_lines: VAT },
        createdAt: at(P, "23:59:59"),
      })
      // Day P, USD: Dayo's first order, $40 + 10% tax, $4.40 of it refunded that evening.
      const o8 = await createOrder(container, {
        currency_code: "usd",
        customer_id: customers.dayo,
        items: [{ ...C1, unit_price: 40, quantity: 1, tax_lines: US_TAX }],
        createdAt: at(P, "12:00:00"),
      })

      // Day D, NGN: Ada at the very first second of the day (2 x 10,750 + 5,375 delivery, VAT included).
      await createOrder(container, {
        currency_code: "ngn",
        customer_id: customers.ada,
        items: [{ ...A1, unit_price: 10750, quantity: 2, is_tax_inclusive: true, tax_lines: VAT }],
        shipping: { amount: 5375, is_tax_inclusive: true, tax_lines: VAT },
        createdAt: at(D, "00:00:00"),
      })
      // Day D, NGN: Bola again at the last second: a tote with a 1,075 (VAT included) promotion, and a scarf.
      await createOrder(container, {
        currency_code: "ngn",
        customer_id: customers.bola,
        items: [
          {
            ...B1,
            unit_price: 5375,
            quantity: 1,
            is_tax_inclusive: true,
            tax_lines: VAT,
            adjustments: [{ amount: 1075, code: "TOTE10", is_tax_inclusive: true }],
          },
          { ...A2, unit_price: 10750, quantity: 1, is_tax_inclusive: true, tax_lines: VAT },
        ],
        createdAt: at(D, "23:59:59"),
      })
      // Day D, NGN: canceled in the afternoon (not an order of the day, but a cancellation), and a draft.
      const canceled = await createOrder(container, {
        currency_code: "ngn",
        customer_id: customers.ada,
        items: [{ ...A1, unit_price: 10750, quantity: 1, is_tax_inclusive: true, tax_lines: VAT }],
        createdAt: at(D, "12:00:00"),
      })
      const orders = container.resolve(Modules.ORDER)
      await orders.cancel(canceled)
      await knex()("order")
        .where({ id: canceled })
        .update({ canceled_at: at(D, "13:00:00") })
      const draft = await createOrder(container, {
        currency_code: "ngn",
        items: [{ ...A1, unit_price: 10750, quantity: 1, is_tax_inclusive: true, tax_lines: VAT }],
        createdAt: at(D, "14:00:00"),
      })
      await orders.updateOrders(draft, { is_draft_order: true, status: "draft" })

      // Day D, USD: Chidi's first order at 00:30 Lagos, which is 23:30 UTC the day before:
      // 2 x $40 less an $8 promotion, 10% tax, $10 delivery + 10% tax.
      await createOrder(container, {
        currency_code: "usd",
        customer_id: customers.chidi,
        items: [
          { ...C1, unit_price: 40, quantity: 2, tax_lines: US_TAX, adjustments: [{ amount: 8, code: "SANDAL8" }] },
        ],
        shipping: { amount: 10, tax_lines: US_TAX },
        createdAt: at(D, "00:30:00"),
      })
      // Day D, USD: Ada (returning: she ordered before, in naira).
      await createOrder(container, {
        currency_code: "usd",
        customer_id: customers.ada,
        items: [{ ...A1, unit_price: 12.5, quantity: 1 }],
        createdAt: at(D, "15:00:00"),
      })
      // Today at 00:00 Lagos (23:00 UTC on D): not part of D.
      await createOrder(container, {
        currency_code: "usd",
        customer_id: customers.dayo,
        items: [{ ...C1, unit_price: 100, quantity: 1 }],
        createdAt: at(TODAY, "00:00:00"),
      })

      // Refunds count on the day they were made: 2,150 on D for Bola's order of P; $4.40 on P.
      const refundD = await orders.addOrderTransactions({
        order_id: o3,
        amount: -2150,
        currency_code: "ngn",
        reference: "refund",
        reference_id: `ref_${tag}_1`,
      })
      await knex()("order_transaction")
        .where({ id: refundD.id })
        .update({ created_at: at(D, "10:00:00") })
      const refundP = await orders.addOrderTransactions({
        order_id: o8,
        amount: -4.4,
        currency_code: "usd",
        reference: "refund",
        reference_id: `ref_${tag}_2`,
      })
      await knex()("order_transaction")
        .where({ id: refundP.id })
        .update({ created_at: at(P, "18:00:00") })

      // Carts: created and completed (or abandoned) on each day.
      await createCart("ngn", at(D, "00:01:00"), at(D, "00:05:00"))
      await createCart("ngn", at(D, "09:00:00"), at(D, "23:59:00"))
      await createCart("ngn", at(D, "10:00:00"))
      await createCart("ngn", at(D, "11:00:00"))
      await createCart("ngn", at(P, "20:00:00"), at(P, "23:59:00"))
      await createCart("ngn", at(P, "21:00:00"))
      await createCart("usd", at(D, "00:20:00"), at(D, "00:29:00"))
      await createCart("usd", at(D, "14:00:00"), at(D, "14:59:00"))
      await createCart("usd", at(D, "16:00:00"))
      await createCart("usd", at(P, "11:00:00"), at(P, "11:59:00"))

      // Concierge: open at the end of P: 1 and 2; at the end of D: 1 and 3.
      const concierge = container.resolve<ConciergeModuleService>("concierge")
      const conversation = async (phone: string, createdAt: Date, resolvedAt?: Date) => {
        const { id } = await concierge.openConversation({ customer_phone: phone, message: "Hello" })
        await knex()("concierge_conversation")
          .where({ id })
          .update({ created_at: createdAt, ...(resolvedAt ? { status: "resolved", resolved_at: resolvedAt } : {}) })
      }
      await conversation("+2348030000001", at(P, "10:00:00"))
      await conversation("+2348030000002", at(P, "11:00:00"), at(D, "09:00:00"))
      await conversation("+2348030000003", at(D, "08:00:00"), at(TODAY, "00:30:00"))
      await conversation("+2348030000004", at(D, "09:00:00"), at(D, "10:00:00"))

      // Broadcast messages: 3 sent on D, 1 on P; one failed, one queued, one sent today.
      const broadcasts = container.resolve<BroadcastModuleService>("broadcast")
      const broadcast = await broadcasts.createBroadcasts({
        name: "Weekend sale",
        channel: "email",
        subject: "Sale",
        body: "Hi {{first_name}}",
        audience: { type: "all" },
        status: "sent",
      })
      const recipients: [string, "sent" | "failed" | "queued", Date | null][] = [
        ["r1", "sent", at(D, "00:00:00")],
        ["r2", "sent", at(D, "10:00:00")],
        ["r3", "sent", at(D, "23:59:59")],
        ["r4", "sent", at(P, "12:00:00")],
        ["r5", "failed", null],
        ["r6", "queued", null],
        ["r7", "sent", at(TODAY, "00:00:00")],
      ]
      await broadcasts.createBroadcastRecipients(
        recipients.map(([name, status, sent_at]) => ({
          broadcast_id: broadcast.id,
          customer_id: `cus_${name}_${tag}`,
          address: `${name}.${tag}@example.com`,
          status,
          sent_at,
        }))
      )

      // Low stock now: what the catalog has, plus two low items (2 and 0 available) and one with plenty.
      const { data: low } = await api.get("/admin/low-stock?limit=1", admin)
      lowStockBaseline = low.count
      const inventory = container.resolve(Modules.INVENTORY)
      const [location] = await container.resolve(Modules.STOCK_LOCATION).listStockLocations({})
      for (const [sku, stocked] of [
        [`AN7-LOW-${tag}`, 2],
        [`AN7-EMPTY-${tag}`, 0],
        [`AN7-PLENTY-${tag}`, 50],
      ] as const) {
        const item = await inventory.createInventoryItems({ sku, title: sku })
        await inventory.createInventoryLevels([
          { inventory_item_id: item.id, location_id: location.id, stocked_quantity: stocked },
        ])
      }
    })

    const top = (product_id: string, title: string, units: number, revenue: string) => ({
      product_id,
      title,
      units,
      revenue,
    })
    const topVariant = (variant: typeof A1, units: number, revenue: string) => ({
      variant_id: variant.variant_id,
      product_id: variant.product_id,
      title: variant.product_title,
      variant_title: variant.variant_title,
      sku: variant.variant_sku,
      units,
      revenue,
    })

    /** Every figure of D and P, worked out by hand from the data above. */
    const expected = () => ({
      D_NGN: {
        date: D,
        currency_code: "ngn",
        time_zone: TIME_ZONE,
        // 21,500 + 5,375 (Ada) and 4,300 + 10,750 (Bola); the canceled order and the draft are not counted.
        orders: 2,
        gmv: "41925.00",
        discounts: "1075.00",
        shipping: "5375.00",
        // VAT inside the prices: 1,500 + 375 + 300 (on 5,375 - 1,075) + 750.
        tax: "2925.00",
        refunds: "2150.00",
        net_revenue: "39775.00",
        average_order_value: "20962.50",
        items_sold: 4,
        new_customers: 0,
        returning_customers: 2,
        carts_created: 4,
        carts_completed: 2,
        conversion_rate: "0.5000",
        canceled_orders: 1,
        low_stock_items: lowStockBaseline + 2,
        open_conversations: 2,
        broadcast_messages_sent: 3,
        top_products: {
          by_revenue: [top(PRODUCT_A, "Adire scarf", 3, "32250.00"), top(PRODUCT_B, "Ankara tote", 1, "4300.00")],
          by_units: [top(PRODUCT_A, "Adire scarf", 3, "32250.00"), top(PRODUCT_B, "Ankara tote", 1, "4300.00")],
        },
        top_variants: {
          by_revenue: [topVariant(A1, 2, "21500.00"), topVariant(A2, 1, "10750.00"), topVariant(B1, 1, "4300.00")],
          // A2 and B1 sold one each: the higher revenue first.
          by_units: [topVariant(A1, 2, "21500.00"), topVariant(A2, 1, "10750.00"), topVariant(B1, 1, "4300.00")],
        },
      },
      D_USD: {
        date: D,
        currency_code: "usd",
        time_zone: TIME_ZONE,
        // Chidi: 80 - 8 + 7.20 tax + 11 delivery = 90.20; Ada: 12.50.
        orders: 2,
        gmv: "102.70",
        // The $8 promotion with its 10% tax.
        discounts: "8.80",
        shipping: "11.00",
        tax: "8.20",
        refunds: "0.00",
        net_revenue: "102.70",
        average_order_value: "51.35",
        items_sold: 3,
        new_customers: 1,
        returning_customers: 1,
        carts_created: 3,
        carts_completed: 2,
        conversion_rate: "0.6667",
        canceled_orders: 0,
        low_stock_items: lowStockBaseline + 2,
        open_conversations: 2,
        broadcast_messages_sent: 3,
        top_products: {
          by_revenue: [top(PRODUCT_C, "Leather sandal", 2, "79.20"), top(PRODUCT_A, "Adire scarf", 1, "12.50")],
          by_units: [top(PRODUCT_C, "Leather sandal", 2, "79.20"), top(PRODUCT_A, "Adire scarf", 1, "12.50")],
        },
        top_variants: {
          by_revenue: [topVariant(C1, 2, "79.20"), topVariant(A1, 1, "12.50")],
          by_units: [topVariant(C1, 2, "79.20"), topVariant(A1, 1, "12.50")],
        },
      },
      P_NGN: {
        date: P,
        currency_code: "ngn",
        time_zone: TIME_ZONE,
        orders: 1,
        gmv: "12900.00",
        discounts: "0.00",
        shipping: "2150.00",
        tax: "900.00",
        // Its refund came on D.
        refunds: "0.00",
        net_revenue: "12900.00",
        average_order_value: "12900.00",
        items_sold: 2,
        new_customers: 1,
        returning_customers: 0,
        carts_created: 2,
        carts_completed: 1,
        conversion_rate: "0.5000",
        canceled_orders: 0,
        // Only yesterday's snapshot can read stock as it was at the end of its day.
        low_stock_items: null,
        open_conversations: 2,
        broadcast_messages_sent: 1,
        top_products: {
          by_revenue: [top(PRODUCT_B, "Ankara tote", 2, "10750.00")],
          by_units: [top(PRODUCT_B, "Ankara tote", 2, "10750.00")],
        },
        top_variants: {
          by_revenue: [topVariant(B1, 2, "10750.00")],
          by_units: [topVariant(B1, 2, "10750.00")],
        },
      },
      P_USD: {
        date: P,
        currency_code: "usd",
        time_zone: TIME_ZONE,
        orders: 1,
        gmv: "44.00",
        discounts: "0.00",
        shipping: "0.00",
        tax: "4.00",
        refunds: "4.40",
        net_revenue: "39.60",
        average_order_value: "44.00",
        items_sold: 1,
        new_customers: 1,
        returning_customers: 0,
        carts_created: 1,
        carts_completed: 1,
        conversion_rate: "1.0000",
        canceled_orders: 0,
        low_stock_items: null,
        open_conversations: 2,
        broadcast_messages_sent: 1,
        top_products: {
          by_revenue: [top(PRODUCT_C, "Leather sandal", 1, "44.00")],
          by_units: [top(PRODUCT_C, "Leather sandal", 1, "44.00")],
        },
        top_variants: {
          by_revenue: [topVariant(C1, 1, "44.00")],
          by_units: [topVariant(C1, 1, "44.00")],
        },
      },
    })

    const snapshotsOf = async (from: string, to: string, currency?: string) => {
      const { data } = await api.get(
        `/admin/analytics/snapshots?from=${from}&to=${to}${currency ? `&currency=${currency}` : ""}`,
        admin
      )
      return data.snapshots as AnalyticsSnapshotView[]
    }

    // The database is restored to the state beforeAll left before every test: each test computes what it reads.
    const recompute = async (date: string) => {
      const { status, data } = await api.post("/admin/analytics/snapshots", { date }, admin)
      expect(status).toBe(200)
      return data.snapshots as AnalyticsSnapshotView[]
    }

    describe("daily snapshots", () => {
      it("computes every figure of a store day, per currency, as worked out by hand", async () => {
        const { status, data } = await api.post("/admin/analytics/snapshots", { date: D }, admin)
        expect(status).toBe(200)
        expect(data.count).toBe(2)
        const [ngn, usd] = data.snapshots as AnalyticsSnapshotView[]
        expect(comparable(ngn)).toEqual(expected().D_NGN)
        expect(comparable(usd)).toEqual(expected().D_USD)
      })

      it("agrees with Medusa's own totals of the constructed orders", async () => {
        await recompute(D)
        const { data } = await getContainer()
          .resolve(ContainerRegistrationKeys.QUERY)
          .graph({
            entity: "order",
            fields: ["currency_code", "total", "tax_total", "shipping_total", "created_at", "status", "is_draft_order"],
            filters: { customer_id: Object.values(customers) },
          })
        const { from, to } = localDayRange(D, TIME_ZONE)
        const sum = (currency: string, field: "total" | "tax_total" | "shipping_total") =>
          data
            .filter(
              (o) =>
                o.currency_code === currency &&
                o.status !== "canceled" &&
                !o.is_draft_order &&
                new Date(o.created_at as string) >= from &&
                new Date(o.created_at as string) < to
            )
            .reduce((total, o) => total + Number(o[field]), 0)
            .toFixed(2)
        const [ngn, usd] = await snapshotsOf(D, D)
        expect([ngn.gmv, ngn.tax, ngn.shipping]).toEqual([
          sum("ngn", "total"),
          sum("ngn", "tax_total"),
          sum("ngn", "shipping_total"),
        ])
        expect([usd.gmv, usd.tax, usd.shipping]).toEqual([
          sum("usd", "total"),
          sum("usd", "tax_total"),
          sum("usd", "shipping_total"),
        ])
      })

      it("recomputes idempotently, and a recompute replaces the day when its data changed", async () => {
        await recompute(D)
        const before = await snapshotsOf(D, D)
        expect(before).toHaveLength(2)
        await api.post("/admin/analytics/snapshots", { date: D }, admin)
        const again = await snapshotsOf(D, D)
        expect(again.map(comparable)).toEqual(before.map(comparable))
        // The same rows, updated in place.
        expect(again.map((s) => s.id)).toEqual(before.map((s) => s.id))
        const { rows } = await knex().raw(`select count(*)::int as n from analytics_snapshot where date = ?`, [D])
        expect(rows[0].n).toBe(2)

        const late = await createOrder(getContainer(), {
          currency_code: "ngn",
          customer_id: customers.dayo,
          items: [{ ...B1, unit_price: 1075, quantity: 1, is_tax_inclusive: true, tax_lines: VAT }],
          createdAt: at(D, "18:00:00"),
        })
        const { data } = await api.post("/admin/analytics/snapshots", { date: D }, admin)
        // Dayo first ordered on P (in dollars): returning.
        expect(data.snapshots[0]).toMatchObject({ orders: 3, gmv: "43000.00", tax: "3000.00", returning_customers: 3 })

        await knex()("order").where({ id: late }).update({ deleted_at: new Date() })
        await api.post("/admin/analytics/snapshots", { date: D }, admin)
        expect((await snapshotsOf(D, D)).map(comparable)).toEqual([expected().D_NGN, expected().D_USD])
      })

      it("has the nightly job compute yesterday in the store's first hour, and later only while it is missing", async () => {
        // Loaded here, not at the top: src/config reads the environment once, and the fakes set it in beforeAll.
        const analyticsSnapshotsJob = require("../../src/jobs/analytics-snapshots").default
        const job = (hms: string): Promise<void> => analyticsSnapshotsJob(getContainer(), at(TODAY, hms))
        expect(await snapshotsOf(D, D)).toEqual([])
        // Past the first hour with yesterday missing (the server was down at midnight): it catches up.
        await job("05:10:00")
        const caughtUp = await snapshotsOf(D, D)
        expect(caughtUp.map(comparable)).toEqual([expected().D_NGN, expected().D_USD])

        // A late order: the first hour recomputes, other hours leave a present day alone.
        await createOrder(getContainer(), {
          currency_code: "usd",
          customer_id: customers.dayo,
          items: [{ ...B1, unit_price: 10, quantity: 1 }],
          createdAt: at(D, "20:00:00"),
        })
        await job("06:10:00")
        expect((await snapshotsOf(D, D, "USD"))[0].orders).toBe(expected().D_USD.orders)
        await job("00:10:00")
        expect((await snapshotsOf(D, D, "USD"))[0].orders).toBe(expected().D_USD.orders + 1)
      })

      it("backfills a range with progress output: every day and currency, the older days as worked out by hand", async () => {
        const container = getContainer()
        const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
        const info = jest.spyOn(logger, "info")
        const backfill = require("../../src/scripts/analytics-backfill").default
        await backfill({ container, args: [addDays(D, -6), D, "--chunk-days", "3"] })
        const progress = info.mock.calls
          .map(([message]) => String(message))
          .filter((m) => m.startsWith("analytics-backfill"))
        info.mockRestore()

        expect(progress).toEqual([
          expect.stringContaining(`${addDays(D, -6)}..${D} (7 days`),
          expect.stringMatching(
            new RegExp(`${addDays(D, -6)}\\.\\.${addDays(D, -4)} 6 snapshots .*\\(3/7 days, 42%\\)`)
          ),
          expect.stringMatching(
            new RegExp(`${addDays(D, -3)}\\.\\.${addDays(D, -1)} 6 snapshots .*\\(6/7 days, 85%\\)`)
          ),
          expect.stringMatching(new RegExp(`${D}\\.\\.${D} 2 snapshots .*\\(7/7 days, 100%\\)`)),
          expect.stringContaining("done: 7 days, 14 snapshots"),
        ])

        const all = await snapshotsOf(addDays(D, -6), D)
        expect(all.map((s) => `${s.date}:${s.currency_code}`)).toEqual(
          [6, 5, 4, 3, 2, 1, 0].flatMap((back) => [`${addDays(D, -back)}:ngn`, `${addDays(D, -back)}:usd`])
        )
        const byKey = Object.fromEntries(all.map((s) => [`${s.date}:${s.currency_code}`, comparable(s)]))
        expect(byKey[`${P}:ngn`]).toEqual(expected().P_NGN)
        expect(byKey[`${P}:usd`]).toEqual(expected().P_USD)
        expect(byKey[`${D}:ngn`]).toEqual(expected().D_NGN)
        expect(byKey[`${D}:usd`]).toEqual(expected().D_USD)
        // Ada's first order, long ago; an empty day has zeros.
        expect(byKey[`${E}:ngn`]).toMatchObject({
          orders: 1,
          gmv: "1075.00",
          tax: "75.00",
          new_customers: 1,
          returning_customers: 0,
        })
        expect(byKey[`${C}:usd`]).toMatchObject({
          orders: 0,
          gmv: "0.00",
          average_order_value: "0.00",
          conversion_rate: null,
        })
      })

      it("lists snapshots by range and currency, and sums a period against the one before it", async () => {
        await recompute(P)
        await recompute(D)
        const usd = await snapshotsOf(P, D, "USD")
        expect(usd.map(comparable)).toEqual([expected().P_USD, expected().D_USD])

        const { data: day } = await api.get(`/admin/analytics/summary?from=${D}&to=${D}&currency=ngn`, admin)
        expect(day.summary).toMatchObject({
          currency_code: "ngn",
          days: 1,
          period: {
            from: D,
            to: D,
            orders: 2,
            gmv: "41925.00",
            refunds: "2150.00",
            net_revenue: "39775.00",
            average_order_value: "20962.50",
            conversion_rate: "0.5000",
            new_customers: 0,
            days_with_snapshots: 1,
          },
          previous_period: { from: P, to: P, orders: 1, gmv: "12900.00", new_customers: 1, days_with_snapshots: 1 },
          change: {
            orders: "100.0",
            gmv: "225.0",
            net_revenue: "208.3",
            average_order_value: "62.5",
            refunds: null,
            new_customers: "-100.0",
            conversion_rate: "0.0",
          },
          top_products: [top(PRODUCT_A, "Adire scarf", 3, "32250.00"), top(PRODUCT_B, "Ankara tote", 1, "4300.00")],
        })

        const { data: usdDay } = await api.get(`/admin/analytics/summary?from=${D}&to=${D}&currency=usd`, admin)
        expect(usdDay.summary.change).toMatchObject({ gmv: "133.4", refunds: "-100.0", orders: "100.0" })

        // Two days against two days without orders: sums, recomputed averages, nothing to compare with.
        await recompute(addDays(P, -1))
        await recompute(addDays(P, -2))
        const { data: two } = await api.get(`/admin/analytics/summary?from=${P}&to=${D}&currency=ngn`, admin)
        expect(two.summary.period).toMatchObject({
          orders: 3,
          gmv: "54825.00",
          average_order_value: "18275.00",
          carts_created: 6,
          carts_completed: 3,
          conversion_rate: "0.5000",
          refunds: "2150.00",
          days_with_snapshots: 2,
        })
        expect(two.summary.previous_period).toMatchObject({ from: addDays(P, -2), to: addDays(P, -1), orders: 0 })
        expect(two.summary.change.gmv).toBeNull()
        expect(two.summary.top_products).toEqual([
          top(PRODUCT_A, "Adire scarf", 3, "32250.00"),
          top(PRODUCT_B, "Ankara tote", 3, "15050.00"),
        ])
      })

      it("answers bad input with a 400 and changes nothing; the routes are for admins only", async () => {
        await recompute(D)
        const before = await snapshotsOf(D, D)
        expect(before).toHaveLength(2)
        const refused = async (request: Promise<{ status: number; data: { message: string } }>) => {
          const { status, data } = await request
          return [status, data.message]
        }
        const post = (body: object) =>
          api.post("/admin/analytics/snapshots", body, { ...admin, validateStatus: () => true })
        const get = (url: string) => api.get(url, { ...admin, validateStatus: () => true })

        expect(await refused(post({ date: "2025-02-30" }))).toEqual([
          400,
          expect.stringContaining("date must be a calendar date"),
        ])
        expect(await refused(post({}))).toEqual([400, expect.stringContaining("date")])
        expect(await refused(post({ date: TODAY }))).toEqual([400, expect.stringContaining("is not over yet")])
        expect(await refused(post({ date: D, currency: "ngn" }))).toEqual([400, expect.stringContaining("currency")])
        expect(await refused(get(`/admin/analytics/snapshots?from=${D}&to=${P}`))).toEqual([
          400,
          expect.stringContaining("must not be before from"),
        ])
        expect(await refused(get(`/admin/analytics/snapshots?from=2024-01-01&to=2025-06-01`))).toEqual([
          400,
          expect.stringContaining("at most 366"),
        ])
        expect(await refused(get(`/admin/analytics/summary?from=${D}&to=${D}`))).toEqual([
          400,
          expect.stringContaining("currency"),
        ])
        expect(await refused(get(`/admin/analytics/summary?currency=eur`))).toEqual([
          400,
          expect.stringContaining("currency"),
        ])
        expect(await snapshotsOf(D, D)).toEqual(before)

        const support = await staffHeaders(api, `support.${tag}@store.test`)
        const asSupport = { ...support, validateStatus: () => true }
        expect((await api.get(`/admin/analytics/summary?currency=ngn`, asSupport)).status).toBe(403)
        expect((await api.get(`/admin/analytics/snapshots`, asSupport)).status).toBe(403)
        expect((await api.post(`/admin/analytics/snapshots`, { date: D }, asSupport)).status).toBe(403)
        expect(await snapshotsOf(D, D)).toEqual(before)
      })
      it("reads an order placed through checkout as Medusa totals it", async () => {
        const buyer = await registerCustomer(api, setup, { ...BUYER, email: `emeka.${tag}@example.com` })
        const orderId = await placeOrder(api, getContainer(), setup, fakes(), {
          headers: buyer.headers,
          region: "nigeria",
          items: [
            ["FIX-TEE-S-IND", 2],
            ["FIX-CARD-OS", 1],
          ],
          person: BUYER,
        })
        // Move it (2 x 12,500 + 9,500 + 3,500 delivery, VAT included) to day C.
        await knex()("order")
          .where({ id: orderId })
          .update({ created_at: at(C, "09:00:00") })
        const { data } = await api.post("/admin/analytics/snapshots", { date: C }, admin)
        const ngn = (data.snapshots as AnalyticsSnapshotView[]).find((s) => s.currency_code === "ngn")!
        const { data: order } = await api.get(
          `/admin/orders/${orderId}?fields=total,tax_total,shipping_total,discount_total,item_total`,
          admin
        )
        const money = (value: number) => value.toFixed(2)
        expect(ngn).toMatchObject({
          orders: 1,
          gmv: "38000.00",
          items_sold: 3,
          new_customers: 1,
          shipping: "3500.00",
          discounts: "0.00",
          refunds: "0.00",
        })
        expect([ngn.gmv, ngn.tax, ngn.shipping, ngn.discounts]).toEqual([
          money(order.order.total),
          money(order.order.tax_total),
          money(order.order.shipping_total),
          money(order.order.discount_total),
        ])
        expect(ngn.top_products.by_revenue.map((p) => [p.title, p.units])).toEqual([
          ["Fixture Adire Tee", 2],
          ["Fixture Card Holder", 1],
        ])
      })
    })

    describe("analytics hooks", () => {
      /** What PostHog received under `name`, as the Analytics Module was given it (PostHog's own `$` properties left out). */
      const events = (name: string) =>
        posthog.named(name).map(({ event, distinct_id, properties }) => ({
          event,
          actor_id: distinct_id,
          properties: Object.fromEntries(Object.entries(properties).filter(([key]) => !key.startsWith("$"))),
        }))

      it("forwards product views, carts, checkout, orders, captured payments and refunds to the Analytics Module", async () => {
        const store = storeHeaders(setup)
        const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
        const { data: products } = await query.graph({
          entity: "product",
          fields: ["id", "handle"],
          filters: { handle: "fixture-adire-tee" },
        })
        const product = products[0] as { id: string; handle: string }
        await api.get(`/store/products/${product.id}`, store)
        await api.get(`/store/products?handle=${product.handle}`, store)
        await waitFor(async () => events("product_viewed").length >= 2, { what: "product views" })
        expect(events("product_viewed")).toEqual([
          {
            event: "product_viewed",
            actor_id: "anonymous",
            properties: { product_id: product.id, title: "Fixture Adire Tee", handle: product.handle },
          },
          {
            event: "product_viewed",
            actor_id: "anonymous",
            properties: { product_id: product.id, title: "Fixture Adire Tee", handle: product.handle },
          },
        ])
        // A product list is not a product view.
        await api.get(`/store/products?limit=5`, store)

        const buyer = await registerCustomer(api, setup, BUYER)
        // Earlier tests' orders reach PostHog too (the SDK batches): only this buyer's events count here.
        const buyers = (name: string) => events(name).filter((event) => event.actor_id === buyer.id)
        const orderId = await placeOrder(api, getContainer(), setup, fakes(), {
          headers: buyer.headers,
          region: "nigeria",
          items: [
            ["FIX-TEE-S-IND", 2],
            ["FIX-CARD-OS", 1],
          ],
          person: BUYER,
        })
        const { data } = await api.get(
          `/admin/orders/${orderId}?fields=display_id,payment_collections.payments.id`,
          admin
        )
        const paymentId = data.order.payment_collections[0].payments[0].id
        await waitFor(async () => buyers("payment_captured").length === 1 && buyers("order_placed").length === 1, {
          what: "order events",
        })
        const [cart] = buyers("cart_created")
        expect(cart).toMatchObject({
          actor_id: buyer.id,
          properties: { currency_code: "ngn", region_id: setup.regions.nigeria },
        })
        expect(buyers("checkout_started")).toEqual([
          {
            event: "checkout_started",
            actor_id: buyer.id,
            properties: expect.objectContaining({ cart_id: cart.properties.cart_id, total: "38000.00", item_count: 3 }),
          },
        ])
        expect(buyers("order_placed")).toEqual([
          {
            event: "order_placed",
            actor_id: buyer.id,
            properties: expect.objectContaining({
              order_id: orderId,
              display_id: data.order.display_id,
              currency_code: "ngn",
              total: "38000.00",
              item_count: 3,
            }),
          },
        ])
        expect(buyers("payment_captured")).toEqual([
          {
            event: "payment_captured",
            actor_id: buyer.id,
            properties: expect.objectContaining({ payment_id: paymentId, order_id: orderId, amount: "38000.00" }),
          },
        ])
        expect(events("product_viewed")).toHaveLength(2)

        await api.post(`/admin/payments/${paymentId}/refund`, { amount: 4750 }, admin)
        await waitFor(async () => buyers("order_refunded").length === 1, { what: "refund event" })
        expect(buyers("order_refunded")[0]).toMatchObject({
          actor_id: buyer.id,
          properties: { payment_id: paymentId, order_id: orderId, amount: "4750.00", refunded_total: "4750.00" },
        })
      })

      it("never fails a request when PostHog is down or the provider throws", async () => {
        const store = storeHeaders(setup)
        // PostHog refuses the next batch: posthog-node retries it in the background.
        posthog.failNext(1, 503)
        const { status, data } = await api.post("/store/carts", { region_id: setup.regions.nigeria }, store)
        expect(status).toBe(200)
        await waitFor(
          async () => events("cart_created").some((e) => e.properties.cart_id === data.cart.id),
          { what: "the cart event delivered after PostHog's outage" }
        )
        expect(posthog.requests.filter((r) => r.path === "/batch/").length).toBeGreaterThanOrEqual(2)

        const provider = getContainer().resolve(Modules.ANALYTICS).getProvider()
        const track = jest.spyOn(provider, "track").mockRejectedValue(new Error("PostHog client crashed"))
        try {
          const { data: products } = await api.get(`/store/products?limit=1`, store)
          const view = await api.get(`/store/products/${products.products[0].id}`, store)
          expect(view.status).toBe(200)
          const second = await api.post("/store/carts", { region_id: setup.regions.nigeria }, store)
          expect(second.status).toBe(200)
          // The provider was asked, and threw, for both.
          await waitFor(async () => track.mock.calls.length >= 2, { what: "refused events" })
          const { data: cart } = await api.get(`/store/carts/${second.data.cart.id}`, store)
          expect(cart.cart.id).toBe(second.data.cart.id)
        } finally {
          track.mockRestore()
        }
      })
    })
  },
})
