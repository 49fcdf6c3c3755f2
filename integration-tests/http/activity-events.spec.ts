import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
// Types only: the workflows import src/config, which must load after the fakes set the environment.
import type { StoreSetup } from "../../src/lib/setup/store"
import type { LedgerDrift } from "../../src/workflows/inventory-ledger/steps/find-ledger-drift"
import { FakeResend } from "../fakes/resend"
import { PaymentFakes, startEmailFake, startPaymentFakes } from "../utils/env"
import { Headers, placeOrder } from "../utils/orders"
import { ADMIN, adminHeaders, seedStore, storeHeaders } from "../utils/store"
import { waitFor } from "../utils/wait-for"

jest.setTimeout(240_000)

let fakes: PaymentFakes
let resend: FakeResend

beforeAll(async () => {
  fakes = await startPaymentFakes()
  resend = await startEmailFake()
})

afterAll(async () => {
  await Promise.all([fakes.paystack.close(), fakes.stripe.close(), resend.close()])
})

type Entry = {
  id: string
  source: string
  delta: number
  before: number
  after: number
  reserved_before: number
  reserved_after: number
  reserved_delta: number
  reference_type: string | null
  reference_id: string | null
  order_id: string | null
  reason: string | null
}

type ActivityRow = {
  id: string
  seq: number
  actor_type: string
  actor_id: string | null
  action: string
  resource_type: string | null
  resource_id: string | null
  payload: Record<string, any> | null
  occurred_at: string
}

const SEEDED_SKUS = ["FIX-TEE-S-IND", "FIX-TEE-M-IND", "FIX-CARD-OS", "FIX-SCARF-GOLD", "FIX-SCARF-WINE"]

type Raw = { raw: (sql: string, bindings?: unknown[]) => Promise<{ rows: Record<string, any>[] }> }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let setup: StoreSetup
    let admin: Headers
    let adminId: string
    let pg: Raw

    beforeAll(async () => {
      const container = getContainer()
      setup = await seedStore(container)
      admin = await adminHeaders(api)
      const [user] = await container.resolve(Modules.USER).listUsers({ email: ADMIN.email })
      adminId = user.id
      pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      // The catalog's opening entries come from events: wait for them, so every test starts from them.
      for (const sku of SEEDED_SKUS) {
        await settledLedger(await itemOfSku(sku), (entries) => entries.length > 0, `${sku}'s opening entry`)
      }
    })

    beforeEach(() => resend.reset())

    const run = async <T = any>(workflowId: string, input: object = {}): Promise<T> => {
      const engine = getContainer().resolve(Modules.WORKFLOW_ENGINE)
      const { result } = (await engine.run(workflowId, { input, throwOnError: true })) as { result: T }
      return result
    }

    const ledgerOf = async (itemId: string): Promise<Entry[]> => {
      const { data } = await api.get(
        `/admin/inventory-adjustments?inventory_item_id=${itemId}&limit=1000&order=created_at`,
        admin
      )
      return data.inventory_adjustments
    }

    const levelOf = async (itemId: string) => {
      const [level] = await getContainer()
        .resolve(Modules.INVENTORY)
        .listInventoryLevels({ inventory_item_id: itemId, location_id: setup.stock_location_id })
      return { id: level.id, stocked: Number(level.stocked_quantity), reserved: Number(level.reserved_quantity) }
    }

    /** Waits until the ledger's entries add up to the level (stocked and reserved) and `ready` holds. */
    const settledLedger = (itemId: string, ready: (entries: Entry[]) => boolean, what: string) =>
      waitFor(
        async () => {
          const [entries, level] = await Promise.all([ledgerOf(itemId), levelOf(itemId)])
          const stocked = entries.reduce((sum, entry) => sum + entry.delta, 0)
          const reserved = entries.reduce((sum, entry) => sum + entry.reserved_delta, 0)
          return stocked === level.stocked && reserved === level.reserved && ready(entries) ? { entries, level } : undefined
        },
        { what }
      )

    const itemOfSku = async (sku: string) => {
      const { data } = await getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({ entity: "product_variant", fields: ["inventory_items.inventory_item_id"], filters: { sku } })
      return (data[0] as any).inventory_items[0].inventory_item_id as string
    }

    const activityFor = async (resourceId: string): Promise<ActivityRow[]> => {
      const { data } = await api.get(`/admin/activity?resource_id=${resourceId}&limit=200`, admin)
      return data.events
    }

    describe("inventory ledger: movements outside the adjust workflow", () => {
      it("records an order's reservation and fulfilment, with references, and sums to the level", async () => {
        const itemId = await itemOfSku("FIX-CARD-OS")
        const opening = await settledLedger(itemId, (entries) => entries.length > 0, "the catalog's opening entry")
        expect(opening.entries[0]).toMatchObject({ source: "admin", before: 0, after: 25, delta: 25 })

        const orderId = await placeOrder(api, getContainer(), setup, fakes, {
          headers: storeHeaders(setup),
          region: "nigeria",
          items: [["FIX-CARD-OS", 3]],
          email: "ledger.buyer@example.com",
        })
        const reserved = await settledLedger(
          itemId,
          (entries) => entries.some((entry) => entry.source === "reservation" && entry.order_id === orderId),
          "the reservation entry"
        )
        expect(reserved.level).toMatchObject({ stocked: 25, reserved: 3 })
        expect(reserved.entries.find((entry) => entry.source === "reservation")).toMatchObject({
          delta: 0,
          reserved_before: 0,
          reserved_after: 3,
          reserved_delta: 3,
          reference_type: "reservation_item",
          order_id: orderId,
          reason: null,
        })

        const { data } = await api.get(`/admin/orders/${orderId}?fields=*items`, admin)
        const items = data.order.items.map((item: { id: string; quantity: number }) => ({
          id: item.id,
          quantity: item.quantity,
        }))
        const { data: fulfilled } = await api.post(
          `/admin/orders/${orderId}/fulfillments?fields=fulfillments.id`,
          { items },
          admin
        )
        const fulfillmentId: string = fulfilled.order.fulfillments[0].id

        const after = await settledLedger(
          itemId,
          (entries) =>
            entries.some((entry) => entry.source === "fulfillment") &&
            entries.filter((entry) => entry.source === "reservation").length === 2,
          "the fulfilment entries"
        )
        expect(after.level).toMatchObject({ stocked: 22, reserved: 0 })
        expect(after.entries.filter((entry) => entry.source === "fulfillment")).toEqual([
          expect.objectContaining({
            delta: -3,
            before: 25,
            after: 22,
            reserved_delta: 0,
            reference_type: "fulfillment",
            reference_id: fulfillmentId,
            order_id: orderId,
          }),
        ])
        expect(after.entries.filter((entry) => entry.source === "reservation").map((e) => e.reserved_delta)).toEqual([
          3, -3,
        ])

        const fulfilledEvents = await waitFor(
          async () => {
            const found = (await activityFor(orderId)).filter((event) => event.action === "order.fulfilled")
            return found.length ? found : undefined
          },
          { what: "the order.fulfilled event" }
        )
        expect(fulfilledEvents).toEqual([
          expect.objectContaining({ actor_type: "system", resource_type: "order", payload: { fulfillment_id: fulfillmentId } }),
        ])

        // Redelivered (or run again), the movement finds nothing left to record.
        const again = await run("record-inventory-movement", {
          inventory_item_id: itemId,
          location_id: setup.stock_location_id,
          track: "both",
          source: "order",
          order_id: orderId,
          attribute_to_order: true,
        })
        expect(again).toBeNull()
        expect(await ledgerOf(itemId)).toHaveLength(after.entries.length)
      })

      it("records a level changed through Medusa's own inventory routes as an admin movement", async () => {
        const { data: created } = await api.post(
          "/admin/inventory-items",
          { sku: "LEDGER-CORE", title: "Item LEDGER-CORE" },
          admin
        )
        const itemId: string = created.inventory_item.id
        await api.post(
          `/admin/inventory-items/${itemId}/location-levels`,
          { location_id: setup.stock_location_id, stocked_quantity: 7 },
          admin
        )
        await settledLedger(itemId, (entries) => entries.length === 1, "the new level's entry")
        await api.post(
          `/admin/inventory-items/${itemId}/location-levels/${setup.stock_location_id}`,
          { stocked_quantity: 12 },
          admin
        )
        const { entries, level } = await settledLedger(
          itemId,
          (entries) => entries.length === 2,
          "the core route's movements"
        )
        expect(level.stocked).toBe(12)
        expect(entries.map(({ source, before, after, delta }) => ({ source, before, after, delta }))).toEqual([
          { source: "admin", before: 0, after: 7, delta: 7 },
          { source: "admin", before: 7, after: 12, delta: 5 },
        ])
        expect(entries[1]).toMatchObject({ reference_type: "inventory_level", reference_id: level.id })
      })

      it("reconciliation finds a level changed behind the ledger's back, alerts once and books the drift", async () => {
        const itemId = await itemOfSku("FIX-SCARF-WINE")
        const { level } = await settledLedger(itemId, (entries) => entries.length === 1, "the opening entry")
        expect(level.stocked).toBe(8)

        // Nothing Medusa knows about: no event, no ledger entry.
        await pg.raw(`update inventory_level set stocked_quantity = stocked_quantity + 4 where id = ?`, [level.id])

        const first = await run<{ drifted: LedgerDrift[] }>("reconcile-inventory-ledger")
        expect(first.drifted.find((drift) => drift.inventory_item_id === itemId)).toEqual(
          expect.objectContaining({
            location_id: setup.stock_location_id,
            sku: "FIX-SCARF-WINE",
            stocked: 12,
            ledger_stocked: 8,
            reserved: 0,
            ledger_reserved: 0,
          })
        )
        const drift = (await activityFor(itemId)).filter((event) => event.action === "inventory_level.drift_detected")
        expect(drift).toHaveLength(1)
        expect(drift[0]).toMatchObject({
          actor_type: "system",
          resource_type: "inventory_item",
          payload: { location_id: setup.stock_location_id, stocked: { level: 12, ledger: 8 } },
        })
        const alerts = () => resend.emails.filter((email) => email.subject.includes("Inventory ledger drift"))
        expect(alerts()).toHaveLength(1)
        expect(alerts()[0].text).toMatch(/FIX-SCARF-WINE\)? at sloc_\w+: stocked 12, ledger says 8/)

        // The drift is booked, so the ledger adds up again.
        const entries = await ledgerOf(itemId)
        expect(entries.map(({ source, delta }) => ({ source, delta }))).toEqual([
          { source: "admin", delta: 8 },
          { source: "reconciliation", delta: 4 },
        ])

        const second = await run<{ drifted: LedgerDrift[] }>("reconcile-inventory-ledger")
        expect(second.drifted.map((d) => d.inventory_item_id)).not.toContain(itemId)
        expect(alerts()).toHaveLength(1)
        expect((await activityFor(itemId)).filter((e) => e.action === "inventory_level.drift_detected")).toHaveLength(1)
      })
    })

    describe("activity log: sign-ins and durable retry", () => {
      it("records a failed sign-in with the email masked, and a successful one with the user", async () => {
        const failed = await api
          .post("/auth/user/emailpass", { email: ADMIN.email, password: "not-the-password" })
          .catch((e: { response: { status: number } }) => e.response)
        expect(failed.status).toBe(401)
        await adminHeaders(api)

        const events = await waitFor(
          async () => {
            const found = await activityFor(adminId)
            const ok = found.filter((event) => event.action === "auth.login")
            const bad = found.filter((event) => event.action === "auth.login_failed")
            return ok.length && bad.length ? { ok, bad } : undefined
          },
          { what: "the sign-in events" }
        )
        expect(events.bad).toHaveLength(1)
        expect(events.bad[0]).toMatchObject({
          actor_type: "system",
          actor_id: null,
          resource_type: "user",
          payload: { provider: "emailpass", email: "a***@test.local", status_code: 401 },
        })
        expect(events.ok[0]).toMatchObject({
          actor_type: "user",
          actor_id: adminId,
          payload: { provider: "emailpass", status_code: 200 },
        })
        const text = JSON.stringify(events)
        expect(text).not.toContain("not-the-password")
        expect(text).not.toContain(ADMIN.email)
      })

      it("records a broadcast's creation by its author and each status it reaches once", async () => {
        const { data } = await api.post(
          "/admin/broadcasts",
          { name: "Activity sale", channel: "email", subject: "Sale", body: "Hello {{first_name}}", audience: { type: "all" } },
          admin
        )
        const broadcastId: string = data.broadcast.id
        await api.post(`/admin/broadcasts/${broadcastId}/cancel`, {}, admin)
        const events = await waitFor(
          async () => {
            const found = await activityFor(broadcastId)
            const actions = found.map((event) => event.action)
            // The request entries are written once the response has gone out, the domain events by subscribers.
            const expected = ["broadcast.create", "broadcast.cancel", "broadcast.created", "broadcast.cancelled"]
            return expected.every((action) => actions.includes(action)) ? found : undefined
          },
          { what: "the broadcast's request entries and events" }
        )
        const domain = events.filter((event) => /^broadcast\.[a-z]+ed$/.test(event.action))
        expect(domain.map((event) => [event.action, event.actor_type, event.actor_id]).sort()).toEqual([
          ["broadcast.cancelled", "system", null],
          ["broadcast.created", "user", adminId],
        ])
        // The requests themselves, by the admin.
        const requests = events.filter((event) => event.action === "broadcast.create" || event.action === "broadcast.cancel")
        expect(requests.map((event) => [event.action, event.actor_type, event.actor_id]).sort()).toEqual([
          ["broadcast.cancel", "user", adminId],
          ["broadcast.create", "user", adminId],
        ])
      })

      it("keeps a write that keeps failing in the outbox and appends it once the log takes writes", async () => {
        // The app logs through the project's pino logger, or Medusa's default one where the
        // test runner registered that first: watch both (and whatever the container holds).
        const { PinoLogger } = require("../../src/lib/observability/logger")
        const { logger: medusaLogger } = require("@medusajs/framework/logger")
        const spies = [
          jest.spyOn(PinoLogger.prototype, "error"),
          jest.spyOn(medusaLogger, "error"),
          jest.spyOn(getContainer().resolve(ContainerRegistrationKeys.LOGGER), "error"),
        ]
        const errorMessages = () => spies.flatMap((spy) => spy.mock.calls.map(([message]) => String(message)))
        await pg.raw(`create or replace function activity_spec_reject() returns trigger language plpgsql as $$
          begin raise exception 'injected outage'; end; $$`)
        await pg.raw(`create trigger activity_spec_reject before insert on activity_event
          for each row when (new.action = 'widget.outboxed') execute function activity_spec_reject()`)
        const entry = { actor_type: "system", action: "widget.outboxed", resource_type: "widget", resource_id: "widget_ob" }
        let queuedAt: Date
        try {
          const recorded = await run<{ events: unknown[]; queued: string | null }>("record-activity", {
            entries: [entry],
          })
          expect(recorded.events).toEqual([])
          expect(recorded.queued).toMatch(/^actobx_/)
          expect(errorMessages()).toEqual(
            expect.arrayContaining([
              expect.stringMatching(/attempt 4\/4\) for widget\.outboxed: .*injected outage/),
              expect.stringMatching(/widget\.outboxed queued in the outbox/),
            ])
          )
          const { rows } = await pg.raw(`select id, entries from activity_outbox`)
          expect(rows).toHaveLength(1)
          queuedAt = new Date(rows[0].entries[0].occurred_at)

          // Still failing: the row stays, with the attempt noted.
          expect(await run("drain-activity-outbox")).toMatchObject({ appended: 0, failed: { id: recorded.queued } })
          const { rows: kept } = await pg.raw(`select attempts, last_error from activity_outbox`)
          expect(kept).toEqual([{ attempts: 1, last_error: expect.stringContaining("injected outage") }])
        } finally {
          spies.forEach((spy) => spy.mockRestore())
          await pg.raw(`drop trigger if exists activity_spec_reject on activity_event`)
          await pg.raw(`drop function if exists activity_spec_reject()`)
        }
        expect((await activityFor("widget_ob")).length).toBe(0)

        expect(await run("drain-activity-outbox")).toEqual({ appended: 1, failed: null })
        const events = await activityFor("widget_ob")
        expect(events).toHaveLength(1)
        expect(events[0]).toMatchObject({ action: "widget.outboxed", actor_type: "system" })
        // It keeps the time it happened, not the time it was appended.
        expect(new Date(events[0].occurred_at).toISOString()).toBe(queuedAt!.toISOString())
        expect((await pg.raw(`select count(*)::int as n from activity_outbox`)).rows[0].n).toBe(0)
        expect(await run("drain-activity-outbox")).toEqual({ appended: 0, failed: null })
        const { data: chain } = await api.get("/admin/activity/verify", admin)
        expect(chain.valid).toBe(true)
      })
    })
  },
})
