import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ACTIVITY_MODULE } from "../../src/modules/activity"
import ActivityModuleService, {
  ActivityEntry,
  ChainReport,
  StoredActivityEvent,
} from "../../src/modules/activity/service"
import { PaymentFakes, startPaymentFakes } from "../utils/env"
import { createStaffUser } from "../utils/staff"
import { ADMIN, adminHeaders, seedStore } from "../utils/store"
import { waitFor } from "../utils/wait-for"

jest.setTimeout(120_000)

let fakes: PaymentFakes

beforeAll(async () => {
  fakes = await startPaymentFakes()
  // Every test signs in again (the database, admin included, is restored per test): more than the default 10 a minute.
  process.env.RATE_LIMIT_AUTH_PER_MINUTE = "100"
})

afterAll(async () => {
  await Promise.all([fakes.paystack.close(), fakes.stripe.close()])
})

type Headers = { headers: Record<string, string> }
type Page = { events: StoredActivityEvent[]; next_cursor: string | null; limit: number }
const payloadOf = (event: StoredActivityEvent) => (event.payload ?? {}) as Record<string, any>
type Raw = { raw: (sql: string, bindings?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }> }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: Headers
    let adminId: string
    let activity: ActivityModuleService
    let pg: Raw

    beforeEach(async () => {
      const container = getContainer()
      await seedStore(container)
      admin = await adminHeaders(api)
      const [user] = await container.resolve(Modules.USER).listUsers({ email: ADMIN.email })
      adminId = user.id
      activity = container.resolve<ActivityModuleService>(ACTIVITY_MODULE)
      pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
    })

    const call = <T = unknown>(
      method: string,
      url: string,
      body?: object,
      headers: Headers = admin
    ): Promise<{ status: number; data: T }> =>
      api
        .request({ method, url, data: body, ...headers })
        .catch((e: { response: { status: number; data: T } }) => e.response)

    const entry = (n: number, extra: Partial<ActivityEntry> = {}): ActivityEntry => ({
      actor_type: "system",
      action: "widget.tested",
      resource_type: "widget",
      resource_id: `widget_${n}`,
      payload: { n, nested: { b: [1, "two", null], a: true } },
      ...extra,
    })

    const verify = async () => {
      const res = await call<ChainReport>("GET", "/admin/activity/verify")
      expect(res.status).toBe(200)
      return res.data
    }

    const eventsFor = async (resourceId: string) =>
      (await call<Page>("GET", `/admin/activity?resource_id=${resourceId}`)).data.events

    /** Runs `change` with the immutability trigger off, as someone with table-owner rights could. */
    const withTriggerDisabled = async (change: () => Promise<unknown>) => {
      await pg.raw(`alter table activity_event disable trigger activity_event_immutable`)
      try {
        await change()
      } finally {
        await pg.raw(`alter table activity_event enable trigger activity_event_immutable`)
      }
    }

    describe("immutability and tamper evidence", () => {
      it("rejects UPDATE, DELETE and TRUNCATE on the table", async () => {
        const [event] = await activity.append([entry(1)])
        const count = async () => Number((await pg.raw(`select count(*) from activity_event`)).rows[0].count)
        const before = await count()
        const forge = pg.raw(`update activity_event set action = 'widget.forged' where id = ?`, [event.id])
        await expect(forge).rejects.toThrow(/append-only: UPDATE/)
        const erase = pg.raw(`delete from activity_event where id = ?`, [event.id])
        await expect(erase).rejects.toThrow(/append-only: DELETE/)
        // TRUNCATE fires no row-level trigger: it has its own.
        await expect(pg.raw(`truncate activity_event`)).rejects.toThrow(/append-only: TRUNCATE/)
        // Background domain events may still be appending: more rows is fine, fewer is not.
        expect(await count()).toBeGreaterThanOrEqual(before)
        const { rows } = await pg.raw(`select action from activity_event where id = ?`, [event.id])
        expect(rows).toEqual([{ action: "widget.tested" }])
        // Seeding's domain events (product.created...) are appended around this test's own.
        expect(await verify()).toMatchObject({ valid: true, first_broken: null })
      })

      it("finds a row changed while the trigger was disabled", async () => {
        const events = await activity.append([entry(1), entry(2), entry(3)])
        expect((await verify()).valid).toBe(true)

        await withTriggerDisabled(() =>
          pg.raw(`update activity_event set payload = jsonb_set(payload, '{n}', '20') where id = ?`, [events[1].id])
        )

        expect(await verify()).toEqual({
          valid: false,
          checked: events[1].seq - 1,
          last_seq: events[1].seq,
          first_broken: { seq: events[1].seq, id: events[1].id, reason: "content does not match its hash" },
        })
      })

      it("finds a row deleted while the trigger was disabled", async () => {
        const events = await activity.append([entry(1), entry(2), entry(3), entry(4)])
        await withTriggerDisabled(() => pg.raw(`delete from activity_event where id = ?`, [events[1].id]))
        const report = await verify()
        expect(report.first_broken).toEqual({
          seq: events[2].seq,
          id: events[2].id,
          reason: `row ${events[1].seq} is missing`,
        })
      })

      it("keeps the chain unbroken under 50 concurrent writes", async () => {
        const written = await Promise.all(Array.from({ length: 50 }, (_, n) => activity.append([entry(n)])))
        const seqs = written.flat().map((event) => event.seq)
        expect(new Set(seqs).size).toBe(50)

        // Other writers (seeding's domain events) may append meanwhile: every row must still link to the one before.
        const report = await verify()
        expect(report).toMatchObject({ valid: true, first_broken: null })
        expect(report.checked).toBeGreaterThanOrEqual(50)
        const { rows } = await pg.raw(
          `select count(*)::int as n, count(*) filter (where b.seq is not null)::int as linked
           from activity_event a
           left join activity_event b on b.seq = a.seq + 1 and b.prev_hash = a.hash and b.seq <= ?
           where a.seq <= ?`,
          [report.last_seq, report.last_seq]
        )
        expect(rows[0]).toEqual({ n: report.checked, linked: report.checked - 1 })
      })
    })

    describe("admin mutations", () => {
      it("records a core product update once, with the admin as actor and before/after of the fields that changed", async () => {
        const {
          data: {
            products: [product],
          },
        } = await call<{ products: { id: string; title: string; status: string }[] }>(
          "GET",
          "/admin/products?limit=1&fields=id,title,status"
        )
        const res = await call(
          "POST",
          `/admin/products/${product.id}`,
          // `status` is sent unchanged: it is not a change.
          { title: "Renamed by staff", status: product.status, metadata: { supplier_token: "s3cr3t", shelf: "A2" } },
          { headers: { ...admin.headers, "x-request-id": "req-product-1", "user-agent": "activity-spec" } }
        )
        expect(res.status).toBe(200)

        const { requests, domain } = await waitFor(
          async () => {
            const found = await eventsFor(product.id)
            const requests = found.filter((event) => event.action === "product.update")
            const domain = found.filter((event) => event.action === "product.updated")
            return requests.length && domain.length ? { requests, domain } : undefined
          },
          { what: "the product update events" }
        )
        expect(requests).toHaveLength(1)
        expect(requests[0]).toMatchObject({
          actor_type: "user",
          actor_id: adminId,
          impersonator_id: null,
          resource_type: "product",
          resource_id: product.id,
          request_id: "req-product-1",
          user_agent: "activity-spec",
          payload: {
            method: "POST",
            route: `/admin/products/${product.id}`,
            status_code: 200,
            changes: {
              title: { before: product.title, after: "Renamed by staff" },
              metadata: { after: { supplier_token: "[redacted]", shelf: "A2" } },
            },
          },
        })
        expect(Object.keys(payloadOf(requests[0]).changes).sort()).toEqual(["metadata", "title"])
        expect(requests[0].ip).toBeTruthy()
        // The domain event says what happened, without an actor: the request entry has it.
        expect(domain[0]).toMatchObject({ actor_type: "system", actor_id: null, resource_type: "product" })
        expect(JSON.stringify([...requests, ...domain])).not.toContain("s3cr3t")
        expect((await verify()).valid).toBe(true)
      })

      it("records a customer update with before/after, personal values masked", async () => {
        const [customer] = await getContainer()
          .resolve(Modules.CUSTOMER)
          .createCustomers([{ email: "grace@store.test", first_name: "Grace", company_name: "Acme" }])
        const res = await call("POST", `/admin/customers/${customer.id}`, {
          first_name: "Gracie",
          company_name: "Acme",
          metadata: { tier: "gold" },
        })
        expect(res.status).toBe(200)
        const [event] = await waitFor(
          async () => {
            const found = (await eventsFor(customer.id)).filter((event) => event.action === "customer.update")
            return found.length ? found : undefined
          },
          { what: "the customer update event" }
        )
        expect(payloadOf(event).changes).toEqual({
          first_name: { before: "[personal]", after: "[personal]" },
          metadata: { before: null, after: { tier: "gold" } },
        })
        expect(JSON.stringify(event)).not.toMatch(/Grac/)
      })

      it("records a GDPR export by staff", async () => {
        const [customer] = await getContainer()
          .resolve(Modules.CUSTOMER)
          .createCustomers([{ email: "export@store.test", first_name: "Ex" }])
        expect((await call("GET", `/admin/customers/${customer.id}/export`)).status).toBe(200)
        const events = await waitFor(
          async () => {
            const found = (await eventsFor(customer.id)).filter((event) => event.action === "customer.exported")
            return found.length ? found : undefined
          },
          { what: "the export event" }
        )
        expect(events).toHaveLength(1)
        expect(events[0]).toMatchObject({ actor_type: "user", actor_id: adminId, resource_type: "customer" })
        expect(JSON.stringify(events[0].payload)).not.toContain("export@store.test")
      })

      it("records a custom mutation (staff role change) once", async () => {
        const user = await createStaffUser(getContainer(), "support@store.test", "concierge")
        const res = await call("POST", `/admin/staff/${user.id}/role`, { role: "support" })
        expect(res.status).toBe(200)

        const events = await waitFor(async () => {
          const found = (await eventsFor(user.id)).filter((event) => event.actor_type === "user")
          return found.length ? found : undefined
        }, { what: "the role change event" })
        expect(events).toHaveLength(1)
        expect(events[0]).toMatchObject({
          actor_type: "user",
          actor_id: adminId,
          action: "staff.role",
          resource_type: "staff",
          resource_id: user.id,
          payload: { status_code: 200 },
        })
        // The role as it was and as it became, read from the record, not only what was sent.
        expect(payloadOf(events[0]).changes).toEqual({ role: { before: "concierge", after: "support" } })
        // And the domain event with the role now held (the first one is the role given at creation).
        const roles = await waitFor(async () => {
          const found = (await eventsFor(user.id)).filter((event) => event.action === "user.role_changed")
          const held = found.map((event) => payloadOf(event).role)
          return held.includes("concierge") && held.includes("support") ? found : undefined
        }, { what: "the role changed events" })
        expect(roles.map((event) => payloadOf(event).role)).toEqual(expect.arrayContaining(["concierge", "support"]))
        expect(roles.every((event) => event.actor_type === "system" && event.resource_type === "user")).toBe(true)
      })

      it("records impersonation and erasure from their requests and their domain events", async () => {
        const [customer] = await getContainer()
          .resolve(Modules.CUSTOMER)
          .createCustomers([{ email: "ada@store.test", first_name: "Ada" }])
        expect((await call("POST", `/admin/customers/${customer.id}/impersonate`, {})).status).toBe(201)
        expect((await call("POST", `/admin/customers/${customer.id}/erase`, {})).status).toBeLessThan(300)

        const expected = ["customer.erase", "customer.erased", "customer.impersonate", "customer.impersonated"]
        const events = await waitFor(async () => {
          const found = await eventsFor(customer.id)
          return found.length >= expected.length ? found : undefined
        }, { what: "the impersonation and erasure events" })
        expect(events.map((event) => event.action).sort()).toEqual(expected)
        const byAction = Object.fromEntries(events.map((event) => [event.action, event]))
        expect(byAction["customer.impersonated"]).toMatchObject({ actor_type: "user", actor_id: adminId })
        expect(byAction["customer.erased"]).toMatchObject({ actor_type: "system", resource_type: "customer" })
        expect(byAction["customer.impersonate"]).toMatchObject({ actor_type: "user", actor_id: adminId })
        // The impersonation token in the response never reaches the log.
        expect(JSON.stringify(events)).not.toMatch(/eyJ/)
        expect((await verify()).valid).toBe(true)
      })

      it("never fails the request when the log write fails, and retries it", async () => {
        const logger = getContainer().resolve(ContainerRegistrationKeys.LOGGER)
        const errors = jest.spyOn(logger, "error")
        // The first insert into the log fails, as a database hiccup would.
        await pg.raw(`create sequence if not exists activity_spec_failures`)
        await pg.raw(`create or replace function activity_spec_fail_once() returns trigger language plpgsql as $$
          begin
            if nextval('activity_spec_failures') = 1 then raise exception 'injected log failure'; end if;
            return new;
          end; $$`)
        await pg.raw(`create trigger activity_spec_fail_once before insert on activity_event
          for each statement execute function activity_spec_fail_once()`)
        try {
          const created = await call<{ fx_rate: { id: string } }>("POST", "/admin/fx-rates", {
            base_currency: "usd",
            quote_currency: "ngn",
            rate: "1600.5",
          })
          expect(created.status).toBe(201)
          // The request entry (fx_rate.create, by the admin) and the domain event (fx_rate.created) both get through.
          const events = await waitFor(async () => {
            const found = await eventsFor(created.data.fx_rate.id)
            return found.length >= 2 ? found : undefined
          }, { what: "the retried fx rate events" })
          expect(events.map((event) => [event.action, event.actor_type]).sort()).toEqual([
            ["fx_rate.create", "user"],
            ["fx_rate.created", "system"],
          ])
          expect(errors.mock.calls.map(([message]) => String(message))).toEqual(
            expect.arrayContaining([
              expect.stringMatching(/Activity log write failed \(attempt 1\/4\).*injected log failure/),
            ])
          )
        } finally {
          errors.mockRestore()
          await pg.raw(`drop trigger if exists activity_spec_fail_once on activity_event`)
          await pg.raw(`drop function if exists activity_spec_fail_once()`)
          await pg.raw(`drop sequence if exists activity_spec_failures`)
        }
      })
    })

    describe("GET /admin/activity", () => {
      it("filters and pages with a cursor, newest first, without skipping or repeating", async () => {
        await activity.append([1, 2, 3, 4, 5].map((n) => entry(n, { actor_type: "webhook", actor_id: "paystack" })))
        await activity.append([entry(6, { action: "widget.other" })])

        const seen: StoredActivityEvent[] = []
        let cursor: string | null = null
        let pages = 0
        do {
          const after: string = cursor ? `&cursor=${cursor}` : ""
          const query = `/admin/activity?actor_type=webhook&actor_id=paystack&limit=2${after}`
          const res = await call<Page>("GET", query)
          expect(res.status).toBe(200)
          seen.push(...res.data.events)
          cursor = res.data.next_cursor
          pages += 1
        } while (cursor)
        expect(pages).toBe(3)
        expect(seen.map((event) => event.resource_id)).toEqual([5, 4, 3, 2, 1].map((n) => `widget_${n}`))

        const byAction = await call<Page>("GET", "/admin/activity?action=widget.other&resource_type=widget")
        expect(byAction.data.events.map((event) => event.resource_id)).toEqual(["widget_6"])

        const future = new Date(Date.now() + 3_600_000).toISOString()
        const past = new Date(Date.now() - 3_600_000).toISOString()
        expect((await call<Page>("GET", `/admin/activity?from=${future}`)).data.events).toHaveLength(0)
        const inRange = await call<Page>("GET", `/admin/activity?from=${past}&to=${future}&resource_type=widget`)
        expect(inRange.data.events).toHaveLength(6)
      })

      it("rejects bad filters with 400", async () => {
        expect((await call("GET", "/admin/activity?actor_type=robot")).status).toBe(400)
        expect((await call("GET", "/admin/activity?cursor=abc")).status).toBe(400)
        expect((await call("GET", "/admin/activity?limit=0")).status).toBe(400)
      })
    })
  },
})
