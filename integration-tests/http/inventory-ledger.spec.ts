import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { adjustInventoryLevelsStep, AdjustInventoryLevelsStepInput } from "@medusajs/medusa/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { FakeResend } from "../fakes/resend"
import { PaymentFakes, startEmailFake, startPaymentFakes } from "../utils/env"
import { createStaffUser, staffHeaders } from "../utils/staff"
import { adminHeaders, seedStore } from "../utils/store"
import { waitFor } from "../utils/wait-for"

jest.setTimeout(180_000)

const SUPPORT = "support.inventory@store.test"
const CONCIERGE = "concierge.inventory@store.test"

let fakes: PaymentFakes
let resend: FakeResend

beforeAll(async () => {
  fakes = await startPaymentFakes()
  resend = await startEmailFake()
})

afterAll(async () => {
  await Promise.all([fakes.paystack.close(), fakes.stripe.close(), resend.close()])
})

// The step Medusa's fulfilment, return and fulfilment-cancellation flows move stocked units with.
const coreAdjustLevelsWorkflow = createWorkflow(
  "test-core-adjust-inventory-levels",
  (input: AdjustInventoryLevelsStepInput) => new WorkflowResponse(adjustInventoryLevelsStep(input))
)

type Adjustment = {
  id: string
  inventory_item_id: string
  location_id: string
  source: string
  delta: number
  reserved_delta: number
  reason: string | null
  note: string | null
  before: number
  after: number
  actor_type: string
  actor_id: string | null
}

type Reply = { status: number; data: any }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let headers: { headers: Record<string, string> }
    let locationId: string
    let adminId: string

    const call = (method: "get" | "post", url: string, as: object, body?: unknown): Promise<Reply> =>
      (method === "get" ? api.get(url, as) : api.post(url, body, as)).catch(
        (e: { response: Reply }) => e.response
      )
    const adjust = (body: object, as: object = headers) => call("post", "/admin/inventory-adjustments", as, body)

    /** An inventory item stocked at the store's location. */
    const stockItem = async (sku: string, stocked: number, metadata?: Record<string, unknown>) => {
      const inventory = getContainer().resolve(Modules.INVENTORY)
      const item = await inventory.createInventoryItems({ sku, title: `Item ${sku}`, metadata })
      await inventory.createInventoryLevels({
        inventory_item_id: item.id,
        location_id: locationId,
        stocked_quantity: stocked,
      })
      return item
    }
    const stockedAt = async (itemId: string) => {
      const [level] = await getContainer()
        .resolve(Modules.INVENTORY)
        .listInventoryLevels({ inventory_item_id: itemId, location_id: locationId })
      return Number(level.stocked_quantity)
    }
    /** The item's entries made by adjust-inventory (not the opening balance or movements recorded from events). */
    const ledgerOf = async (itemId: string): Promise<Adjustment[]> => {
      const { data } = await call(
        "get",
        `/admin/inventory-adjustments?inventory_item_id=${itemId}&source=adjustment&limit=1000`,
        headers
      )
      return data.inventory_adjustments
    }
    /** Every entry of the item, oldest first. */
    const fullLedgerOf = async (itemId: string): Promise<Adjustment[]> => {
      const { data } = await call(
        "get",
        `/admin/inventory-adjustments?inventory_item_id=${itemId}&limit=1000&order=created_at`,
        headers
      )
      return data.inventory_adjustments
    }
    const lowStockEmails = (sku: string) => resend.emails.filter((email) => email.subject.includes(sku))

    beforeAll(async () => {
      const container = getContainer()
      const setup = await seedStore(container)
      locationId = setup.stock_location_id
      headers = await adminHeaders(api)
      const { data } = await api.get("/admin/users/me", headers)
      adminId = data.user.id
      await createStaffUser(container, SUPPORT, "support")
      await createStaffUser(container, CONCIERGE, "concierge")
    })

    beforeEach(() => resend.reset())

    describe("POST /admin/inventory-adjustments", () => {
      it("changes the level and records before, after and the admin who did it", async () => {
        const item = await stockItem("LEDGER-ONE", 10)
        const { status, data } = await adjust({
          inventory_item_id: item.id,
          location_id: locationId,
          delta: -3,
          reason: "damage",
          note: "Water damage in aisle 4",
        })
        expect(status).toBe(201)
        expect(data.inventory_adjustment).toMatchObject({
          inventory_item_id: item.id,
          location_id: locationId,
          delta: -3,
          reason: "damage",
          note: "Water damage in aisle 4",
          before: 10,
          after: 7,
          actor_type: "user",
          actor_id: adminId,
        })
        expect(await stockedAt(item.id)).toBe(7)
        expect(await ledgerOf(item.id)).toHaveLength(1)
        // The level was made with 10 outside any workflow: the ledger books that opening balance first.
        const ledger = await fullLedgerOf(item.id)
        expect(ledger.map(({ source, before, after }) => ({ source, before, after }))).toEqual([
          { source: "opening", before: 0, after: 10 },
          { source: "adjustment", before: 10, after: 7 },
        ])
      })

      it("20 concurrent adjustments end at the exact level, with a ledger that sums to it", async () => {
        const item = await stockItem("LEDGER-RACE", 0)
        const restock = { inventory_item_id: item.id, location_id: locationId, delta: 200, reason: "restock" }
        expect((await adjust(restock)).status).toBe(201)

        // +1, -2, +3, -4, ... -20: whatever order they run in, stock never drops below 0.
        const deltas = Array.from({ length: 20 }, (_, i) => (i % 2 ? -(i + 1) : i + 1))
        const replies = await Promise.all(
          deltas.map((delta) =>
            adjust({
              inventory_item_id: item.id,
              location_id: locationId,
              delta,
              reason: delta > 0 ? "return" : "loss",
            })
          )
        )
        expect(replies.map((reply) => reply.status)).toEqual(deltas.map(() => 201))

        const expected = 200 + deltas.reduce((sum, delta) => sum + delta, 0)
        expect(expected).toBe(190)
        expect(await stockedAt(item.id)).toBe(expected)

        const ledger = await ledgerOf(item.id)
        expect(ledger).toHaveLength(21)
        expect(ledger.reduce((sum, entry) => sum + entry.delta, 0)).toBe(expected)
        expect((await fullLedgerOf(item.id)).reduce((sum, entry) => sum + entry.delta, 0)).toBe(expected)
        for (const entry of ledger) {
          expect(entry.after).toBe(entry.before + entry.delta)
        }
        // The entries form one chain 0 -> 190: no two adjustments read the same level.
        const befores = ledger.map((entry) => entry.before).concat(expected).sort((a, b) => a - b)
        const afters = ledger.map((entry) => entry.after).concat(0).sort((a, b) => a - b)
        expect(befores).toEqual(afters)
      })

      it("keeps both the adjustments and Medusa's own changes made at the same time to the same level", async () => {
        const item = await stockItem("LEDGER-CORE-RACE", 100)
        const level = { inventory_item_id: item.id, location_id: locationId }
        const deltas = [-2, 3, -4, 5, -6, 2, -3, 1]
        const coreMoves = [-3, 4, -3, 4, -3, -2]
        const reservations = [2, 1, 3, 2, 2]
        const replies = await Promise.all([
          ...deltas.map((delta) => adjust({ ...level, delta, reason: delta > 0 ? "return" : "loss" })),
          ...reservations.map((quantity) => call("post", "/admin/reservations", headers, { ...level, quantity })),
          ...coreMoves.map((adjustment) =>
            coreAdjustLevelsWorkflow(getContainer())
              .run({ input: [{ ...level, adjustment }] })
              .then(() => ({ status: 200, data: null }))
          ),
        ])
        expect(replies.map((reply) => reply.status)).toEqual([
          ...deltas.map(() => 201),
          ...reservations.map(() => 200),
          ...coreMoves.map(() => 200),
        ])

        const sum = (values: number[]) => values.reduce((total, value) => total + value, 0)
        const stocked = 100 + sum(deltas) + sum(coreMoves)
        const reserved = sum(reservations)
        expect(stocked).toBe(93)
        const [after] = await getContainer().resolve(Modules.INVENTORY).listInventoryLevels(level)
        expect({ stocked: Number(after.stocked_quantity), reserved: Number(after.reserved_quantity) }).toEqual({
          stocked,
          reserved,
        })

        for (const entry of await ledgerOf(item.id)) {
          expect(entry.after).toBe(entry.before + entry.delta)
        }
        // Medusa's moves are booked from their events (the stocked ones after the recheck delay).
        await waitFor(
          async () => {
            const ledger = await fullLedgerOf(item.id)
            return (
              sum(ledger.map((entry) => entry.delta)) === stocked &&
              sum(ledger.map((entry) => entry.reserved_delta)) === reserved
            )
          },
          { what: "the ledger to sum to the level" }
        )
      })

      it("refuses a change that would leave stock below 0 or below what is reserved, changing nothing", async () => {
        const item = await stockItem("LEDGER-NEG", 3)
        const loss = (delta: number) =>
          adjust({ inventory_item_id: item.id, location_id: locationId, delta, reason: "loss" })
        const below = await loss(-4)
        // Medusa's error handler answers every conflict with one generic message; the type says what it is.
        expect(below.status).toBe(409)
        expect(below.data.type).toBe("conflict")

        await getContainer()
          .resolve(Modules.INVENTORY)
          .createReservationItems({ inventory_item_id: item.id, location_id: locationId, quantity: 2 })
        const reserved = await loss(-2)
        expect(reserved.status).toBe(409)

        expect(await stockedAt(item.id)).toBe(3)
        expect(await ledgerOf(item.id)).toHaveLength(0)

        // Down to exactly what is reserved is allowed.
        expect((await loss(-1)).status).toBe(201)
        expect(await stockedAt(item.id)).toBe(2)
      })

      it("rolls back the level when a failure comes after it was changed", async () => {
        const item = await stockItem("LEDGER-FAIL", 10)
        const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
        // The ledger write fails, after the level was changed: the error carries the level the database held then.
        await knex.raw(`
          create or replace function inventory_ledger_test_fail() returns trigger as $$
          begin
            if new.note = 'inject-failure' then
              raise exception 'injected failure, level was %', (
                select stocked_quantity from inventory_level
                where inventory_item_id = new.inventory_item_id and location_id = new.location_id
              );
            end if;
            return new;
          end $$ language plpgsql`)
        await knex.raw(`
          create trigger inventory_ledger_test_fail before insert on inventory_adjustment
          for each row execute function inventory_ledger_test_fail()`)
        try {
          const engine = getContainer().resolve(Modules.WORKFLOW_ENGINE)
          await expect(
            engine.run("adjust-inventory", {
              input: {
                inventory_item_id: item.id,
                location_id: locationId,
                delta: 5,
                reason: "restock",
                note: "inject-failure",
                actor_type: "system",
              },
              throwOnError: true,
            })
          ).rejects.toMatchObject({ message: expect.stringContaining("injected failure, level was 15") })

          const failed = await adjust({
            inventory_item_id: item.id,
            location_id: locationId,
            delta: 7,
            reason: "restock",
            note: "inject-failure",
          })
          expect(failed.status).toBe(500)
        } finally {
          await knex.raw("drop trigger if exists inventory_ledger_test_fail on inventory_adjustment")
          await knex.raw("drop function if exists inventory_ledger_test_fail()")
        }

        // Neither the level change nor an entry survived.
        expect(await stockedAt(item.id)).toBe(10)
        expect(await ledgerOf(item.id)).toHaveLength(0)

        // The lock was released: the next adjustment goes through.
        const ok = await adjust({ inventory_item_id: item.id, location_id: locationId, delta: 5, reason: "restock" })
        expect(ok.status).toBe(201)
        expect(await stockedAt(item.id)).toBe(15)
      })

      it("validates the body and names the field", async () => {
        const item = await stockItem("LEDGER-BAD", 5)
        const base = { inventory_item_id: item.id, location_id: locationId, delta: 1, reason: "restock" }
        for (const [body, field] of [
          [{ ...base, delta: 0 }, "delta"],
          [{ ...base, delta: 1.5 }, "delta"],
          [{ ...base, reason: "stolen" }, "reason"],
          [{ ...base, extra: true }, "extra"],
        ] as const) {
          const reply = await adjust(body)
          expect(reply.status).toBe(400)
          expect(reply.data.message).toContain(field)
        }
        const unknown = await adjust({ ...base, location_id: "sloc_missing" })
        expect(unknown.status).toBe(404)
        expect(await stockedAt(item.id)).toBe(5)
      })
    })

    describe("GET /admin/inventory-adjustments", () => {
      it("filters and pages through the ledger, newest first", async () => {
        const item = await stockItem("LEDGER-LIST", 100)
        for (const [delta, reason] of [
          [5, "restock"],
          [-1, "damage"],
          [2, "correction"],
          [-3, "transfer"],
          [4, "restock"],
        ] as const) {
          const reply = await adjust({ inventory_item_id: item.id, location_id: locationId, delta, reason })
          expect(reply.status).toBe(201)
        }
        const first = await call(
          "get",
          `/admin/inventory-adjustments?inventory_item_id=${item.id}&source=adjustment&limit=2`,
          headers
        )
        expect(first.status).toBe(200)
        expect(first.data).toMatchObject({ count: 5, offset: 0, limit: 2 })
        expect(first.data.inventory_adjustments.map((a: Adjustment) => a.after)).toEqual([107, 103])

        const last = await call(
          "get",
          `/admin/inventory-adjustments?inventory_item_id=${item.id}&source=adjustment&limit=2&offset=4`,
          headers
        )
        expect(last.data.inventory_adjustments.map((a: Adjustment) => a.delta)).toEqual([5])

        const restocks = await call(
          "get",
          `/admin/inventory-adjustments?inventory_item_id=${item.id}&reason=restock`,
          headers
        )
        expect(restocks.data.count).toBe(2)
        expect(restocks.data.inventory_adjustments.every((a: Adjustment) => a.reason === "restock")).toBe(true)

        expect((await call("get", "/admin/inventory-adjustments?reason=stolen", headers)).status).toBe(400)
        expect((await call("get", "/admin/inventory-adjustments?source=magic", headers)).status).toBe(400)
      })

      it("is readable by support, not by concierge staff", async () => {
        const support = await staffHeaders(api, SUPPORT)
        const concierge = await staffHeaders(api, CONCIERGE)
        expect((await call("get", "/admin/inventory-adjustments", support)).status).toBe(200)
        expect((await call("get", "/admin/low-stock", support)).status).toBe(200)
        expect((await call("get", "/admin/inventory-adjustments", concierge)).status).toBe(403)
        expect((await call("get", "/admin/low-stock", concierge)).status).toBe(403)
        const item = await stockItem("LEDGER-ROLE", 5)
        const body = { inventory_item_id: item.id, location_id: locationId, delta: 1, reason: "restock" }
        expect((await adjust(body, concierge)).status).toBe(403)
        expect(await stockedAt(item.id)).toBe(5)
      })
    })

    describe("low-stock alerts", () => {
      const lowStock = async () => {
        const { data } = await call("get", "/admin/low-stock?limit=1000", headers)
        return data.low_stock as {
          inventory_item_id: string
          available: number
          threshold: number
          alerted_at: string | null
        }[]
      }

      it("alerts the admins once on crossing the threshold and again only after a restock re-arms it", async () => {
        const item = await stockItem("LOW-CROSS", 8)
        const change = async (delta: number) => {
          const reply = await adjust({
            inventory_item_id: item.id,
            location_id: locationId,
            delta,
            reason: delta > 0 ? "restock" : "damage",
          })
          expect(reply.status).toBe(201)
          return reply.data.low_stock
        }

        expect(await change(-2)).toMatchObject({ available: 6, threshold: 5, outcome: "ok" })
        expect(lowStockEmails("LOW-CROSS")).toHaveLength(0)

        // Falling to the threshold (5 <= 5) crosses it.
        expect(await change(-1)).toMatchObject({ available: 5, outcome: "alerted" })
        const first = lowStockEmails("LOW-CROSS")
        expect(first).toHaveLength(1)
        expect(first[0].text).toContain("5 available")
        expect((await lowStock()).find((row) => row.inventory_item_id === item.id)).toMatchObject({
          available: 5,
          alerted_at: expect.any(String),
        })

        // Still low: no repeat.
        expect(await change(-2)).toMatchObject({ available: 3, outcome: "low" })
        expect(lowStockEmails("LOW-CROSS")).toHaveLength(1)

        // Back above the threshold re-arms, and it leaves the low-stock list.
        expect(await change(10)).toMatchObject({ available: 13, outcome: "rearmed" })
        expect((await lowStock()).map((row) => row.inventory_item_id)).not.toContain(item.id)
        expect(lowStockEmails("LOW-CROSS")).toHaveLength(1)

        // The next crossing alerts again.
        expect(await change(-9)).toMatchObject({ available: 4, outcome: "alerted" })
        expect(lowStockEmails("LOW-CROSS")).toHaveLength(2)
      })

      it("counts reserved units and honours the item's own threshold", async () => {
        const item = await stockItem("LOW-OWN", 20, { low_stock_threshold: 12 })
        await getContainer()
          .resolve(Modules.INVENTORY)
          .createReservationItems({ inventory_item_id: item.id, location_id: locationId, quantity: 6 })
        // 17 stocked - 6 reserved = 11 available, at or below 12.
        const reply = await adjust({ inventory_item_id: item.id, location_id: locationId, delta: -3, reason: "loss" })
        expect(reply.data.low_stock).toMatchObject({ available: 11, threshold: 12, outcome: "alerted" })
        expect(lowStockEmails("LOW-OWN")).toHaveLength(1)
        expect((await lowStock()).find((row) => row.inventory_item_id === item.id)).toMatchObject({
          available: 11,
          threshold: 12,
        })
      })

      it("alerts when an order's reservation, not an adjustment, takes the item to its threshold", async () => {
        const item = await stockItem("LOW-RESERVED", 9)
        await getContainer()
          .resolve(Modules.INVENTORY)
          .createReservationItems({ inventory_item_id: item.id, location_id: locationId, quantity: 4 })
        // 9 stocked - 4 reserved = 5 available, at the default threshold.
        await waitFor(async () => lowStockEmails("LOW-RESERVED").length === 1, { what: "the low-stock alert" })
        expect((await lowStock()).find((row) => row.inventory_item_id === item.id)).toMatchObject({ available: 5 })
      })

      it("alerts once when concurrent adjustments cross the threshold together", async () => {
        const item = await stockItem("LOW-RACE", 16)
        const replies = await Promise.all(
          Array.from({ length: 10 }, () =>
            adjust({ inventory_item_id: item.id, location_id: locationId, delta: -1, reason: "damage" })
          )
        )
        expect(replies.map((reply) => reply.status)).toEqual(Array(10).fill(201))
        expect(await stockedAt(item.id)).toBe(6)
        expect(lowStockEmails("LOW-RACE")).toHaveLength(0)
        await Promise.all(
          Array.from({ length: 4 }, () =>
            adjust({ inventory_item_id: item.id, location_id: locationId, delta: -1, reason: "damage" })
          )
        )
        expect(await stockedAt(item.id)).toBe(2)
        expect(lowStockEmails("LOW-RACE")).toHaveLength(1)
      })
    })
  },
})
