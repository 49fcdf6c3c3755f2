import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createHmac, randomBytes } from "node:crypto"
// Types only: the heartbeat module is required inside the test, after the app loaded.
import type * as Heartbeat from "../../src/lib/observability/heartbeat"
import type { StoreSetup } from "../../src/lib/setup/store"
import { PAYSTACK_SECRET, PaymentFakes, startPaymentFakes } from "../utils/env"
import { createStaffUser } from "../utils/staff"
import { adminHeaders, seedStore } from "../utils/store"
import { waitFor } from "../utils/wait-for"

jest.setTimeout(180_000)

/**
 * The app boots in production mode (set before the runner loads medusa-config):
 * real secrets, a metrics token, a small auth limit to reach a 429 quickly.
 */
const METRICS_TOKEN = "metrics-token-for-the-observability-spec"
const ENV: Record<string, string> = {
  NODE_ENV: "production",
  JWT_SECRET: randomBytes(24).toString("hex"),
  COOKIE_SECRET: randomBytes(24).toString("hex"),
  // Required in production; the test runner gives the app its own database.
  DATABASE_URL: "postgres://localhost/set-by-the-test-runner",
  METRICS_TOKEN,
  RATE_LIMIT_AUTH_PER_MINUTE: "3",
  // The request lines (level http) would fill the test output.
  LOG_LEVEL: "warn",
}
const savedEnv = Object.fromEntries(Object.keys(ENV).map((name) => [name, process.env[name]]))

let fakes: PaymentFakes

beforeAll(async () => {
  Object.assign(process.env, ENV)
  fakes = await startPaymentFakes()
})

afterAll(async () => {
  await Promise.all([fakes?.paystack.close(), fakes?.stripe.close()])
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) {
      delete process.env[name]
    } else {
      process.env[name] = value
    }
  }
})

type Reply = { status: number; headers: Record<string, string | undefined>; data: unknown }

/** The samples of a Prometheus text exposition, as `{ name, labels, value }`. */
function parseMetrics(text: string) {
  return text
    .split("\n")
    .filter((line) => line && !line.startsWith("#"))
    .map((line) => {
      const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line)
      if (!match) {
        throw new Error(`Not a Prometheus sample: ${line}`)
      }
      const labels = Object.fromEntries([...(match[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]))
      return { name: match[1], labels, value: Number(match[3]) }
    })
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let setup: StoreSetup
    let admin: { headers: Record<string, string> }

    const call = (
      method: "get" | "post",
      url: string,
      { headers = {}, body }: { headers?: Record<string, string>; body?: unknown } = {}
    ): Promise<Reply> => {
      const config = { headers, validateStatus: () => true }
      return method === "get" ? api.get(url, config) : api.post(url, body ?? {}, config)
    }
    const store = (ip: string) => ({ "x-publishable-api-key": setup.publishable_key, "x-forwarded-for": ip })
    const scrape = async () => {
      const reply = await call("get", "/metrics", { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
      expect(reply.status).toBe(200)
      return { text: reply.data as string, samples: parseMetrics(reply.data as string), reply }
    }
    /** The value of the one sample with this name and these labels (undefined when absent). */
    const valueOf = (samples: ReturnType<typeof parseMetrics>, name: string, labels: Record<string, string> = {}) =>
      samples.find(
        (sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value)
      )?.value

    beforeAll(async () => {
      setup = await seedStore(getContainer())
      await createStaffUser(getContainer(), "concierge@observability.test", "concierge")
      admin = await adminHeaders(api)
    })

    describe("/metrics in production", () => {
      it("answers 401 without the metrics token or with a wrong one, and never to an admin token", async () => {
        for (const headers of [{}, { authorization: "Bearer not-the-token" }, admin.headers]) {
          const reply = await call("get", "/metrics", { headers })
          expect(reply.status).toBe(401)
          expect(reply.data).toMatchObject({ type: "unauthorized" })
          expect(JSON.stringify(reply.data)).not.toContain("http_requests_total")
        }
      })

      it("counts traffic by route pattern and status, webhooks, rate limits, notifications and event-bus lag", async () => {
        // Store reads, an unknown order (404 on the route pattern), an admin call without a token.
        for (let i = 0; i < 2; i++) {
          expect((await call("get", "/store/regions", { headers: store("10.20.0.1") })).status).toBe(200)
        }
        const tracking = await call("get", "/store/orders/order_01OBSERVABILITY/tracking?token=secret-token", {
          headers: store("10.20.0.2"),
        })
        expect(tracking.status).toBe(404)
        expect((await call("get", "/admin/regions", { headers: { "x-forwarded-for": "10.20.0.3" } })).status).toBe(401)

        // Paystack webhooks: one forged, one signed with the secret key.
        const forged = await call("post", "/hooks/payment/paystack_paystack", {
          headers: { "x-paystack-signature": "0".repeat(128) },
          body: { event: "charge.success", data: {} },
        })
        expect(forged.status).toBe(401)
        const payload = JSON.stringify({ event: "subscription.create", data: { id: 1 } })
        const signed = await call("post", "/hooks/payment/paystack_paystack", {
          headers: {
            "content-type": "application/json",
            "x-paystack-signature": createHmac("sha512", PAYSTACK_SECRET).update(payload).digest("hex"),
          },
          body: payload,
        })
        expect(signed.status).toBe(200)

        // The fourth sign-in attempt from one address within the minute is refused.
        const logins: number[] = []
        for (let i = 0; i < 4; i++) {
          const reply = await call("post", "/auth/user/emailpass", {
            headers: { "x-forwarded-for": "10.20.0.9" },
            body: { email: `nobody${i}@observability.test`, password: "wrong-password" },
          })
          logins.push(reply.status)
        }
        expect(logins).toEqual([401, 401, 401, 429])

        // An escalation alerts the concierge staff by email (through the send-once notification step).
        const escalation = await call("post", "/store/concierge/escalations", {
          headers: store("10.20.0.4"),
          body: { phone: "0803 123 4567", message: "Where is my order?" },
        })
        expect(escalation.status).toBe(201)

        // The heartbeat job's run: an event whose wait in the event bus the subscriber measures.
        const { runHeartbeat } = require("../../src/lib/observability/heartbeat") as typeof Heartbeat
        await runHeartbeat(getContainer())

        const { samples, text, reply } = await waitFor(
          async () => {
            const scraped = await scrape()
            const sent = valueOf(scraped.samples, "notifications_total", {
              kind: "transactional",
              channel: "email",
              outcome: "sent",
            })
            const lagged = valueOf(scraped.samples, "event_bus_lag_seconds_count")
            return (sent ?? 0) >= 1 && (lagged ?? 0) >= 1 && scraped
          },
          { what: "the alert email and the heartbeat in /metrics" }
        )
        expect(reply.headers["content-type"]).toMatch(/^text\/plain;.*version=0\.0\.4/)

        const requests = (labels: Record<string, string>) => valueOf(samples, "http_requests_total", labels)
        expect(requests({ method: "GET", route: "/store/regions", status: "200" })).toBe(2)
        expect(requests({ method: "GET", route: "/store/orders/:id/tracking", status: "404" })).toBe(1)
        expect(requests({ method: "GET", route: "/admin/*", status: "401" })).toBe(1)
        expect(requests({ method: "POST", route: "/store/concierge/escalations", status: "201" })).toBe(1)
        expect(
          valueOf(samples, "http_request_duration_seconds_count", { method: "GET", route: "/store/regions", status: "200" })
        ).toBe(2)
        // Route patterns only: no raw id and no query string in any label.
        expect(text).not.toContain("order_01OBSERVABILITY")
        expect(text).not.toContain("secret-token")

        expect(valueOf(samples, "payment_webhooks_total", { provider: "paystack", outcome: "invalid_signature" })).toBe(1)
        expect(valueOf(samples, "payment_webhooks_total", { provider: "paystack", outcome: "accepted" })).toBe(1)
        expect(valueOf(samples, "rate_limit_rejections_total", { scope: "auth", route: "/auth/*" })).toBe(1)
        expect(valueOf(samples, "scheduled_job_delay_seconds_count")).toBeGreaterThanOrEqual(1)
        expect(valueOf(samples, "broadcasts_active", { status: "sending" })).toBe(0)
        // Node's own: memory and event-loop lag.
        expect(valueOf(samples, "nodejs_eventloop_lag_seconds")).toBeGreaterThanOrEqual(0)
      })
    })

    describe("/docs in production", () => {
      it("refuses callers without admin credentials", async () => {
        for (const url of ["/docs", "/docs/openapi.json", "/docs/assets/swagger-ui-bundle.js"]) {
          const reply = await call("get", url)
          expect({ url, status: reply.status }).toEqual({ url, status: 401 })
        }
        const customerLike = await call("get", "/docs", { headers: { authorization: "Bearer not-a-jwt" } })
        expect(customerLike.status).toBe(401)
      })

      it("serves Swagger UI and the OpenAPI document to an admin", async () => {
        const page = await call("get", "/docs", { headers: admin.headers })
        expect(page.status).toBe(200)
        expect(page.headers["content-type"]).toMatch(/text\/html/)
        expect(page.data).toContain('SwaggerUIBundle({ url: "/docs/openapi.json"')

        const document = await call("get", "/docs/openapi.json", { headers: admin.headers })
        expect(document.status).toBe(200)
        const paths = (document.data as { openapi: string; paths: Record<string, unknown> }).paths
        expect((document.data as { openapi: string }).openapi).toBe("3.1.0")
        expect(Object.keys(paths)).toEqual(
          expect.arrayContaining(["/store/concierge/escalations", "/store/orders/{id}/tracking", "/admin/broadcasts"])
        )

        const script = await call("get", "/docs/assets/swagger-ui-bundle.js", { headers: admin.headers })
        expect(script.status).toBe(200)
        expect(script.headers["content-type"]).toMatch(/application\/javascript/)
        expect((await call("get", "/docs/assets/package.json", { headers: admin.headers })).status).toBe(404)
      })
    })

    describe("request ids", () => {
      it("echoes a caller's X-Request-Id and gives every other request one", async () => {
        const given = await call("get", "/store/regions", { headers: { ...store("10.21.0.1"), "x-request-id": "lb-1234" } })
        expect(given.headers["x-request-id"]).toBe("lb-1234")

        // Also on answers Medusa gives before any project middleware (no publishable key).
        const refused = await call("get", "/store/regions", { headers: { "x-forwarded-for": "10.21.0.2" } })
        expect(refused.status).toBe(400)
        expect(refused.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/)

        const junk = await call("get", "/store/regions", { headers: { ...store("10.21.0.3"), "x-request-id": "x".repeat(500) } })
        expect(junk.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/)
      })
    })
  },
})
