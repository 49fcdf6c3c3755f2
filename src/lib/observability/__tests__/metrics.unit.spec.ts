import { once } from "node:events"
import { metricsAccess } from "../metrics-access"
import { startMetricsServer } from "../metrics-server"
import {
  countedTransports,
  metricsRegistry,
  ObservedRequest,
  recordHttpRequest,
  recordRateLimitRejection,
  routeLabel,
} from "../metrics"
import { receiveHeartbeat, runHeartbeat } from "../heartbeat"
import type { BroadcastTransport, NotificationChannel } from "../../notifications/types"

const request = (fields: Partial<ObservedRequest>) => fields as ObservedRequest

/** The value of one series, or undefined when it was never set. */
async function valueOf(name: string, labels: Record<string, string>) {
  const metric = await metricsRegistry.getSingleMetric(name)?.get()
  return metric?.values.find((value) =>
    Object.entries(labels).every(([key, expected]) => String(value.labels[key]) === expected)
  )?.value
}

beforeEach(() => metricsRegistry.resetMetrics())

describe("routeLabel", () => {
  it("is the Express route pattern when one matched (ids collapsed)", () => {
    expect(routeLabel(request({ route: { path: "/store/orders/:id/tracking" }, url: "/store/orders/order_01/tracking" })))
      .toBe("/store/orders/:id/tracking")
  })

  it("collapses ids in the path of a success answered before the router (a cached store response)", () => {
    expect(routeLabel(request({ url: "/store/regions?fields=id" }), 200)).toBe("/store/regions")
    expect(routeLabel(request({ url: "/store/products/prod_01JABCDEFGHJKMNPQRSTVWXYZ0" }), 304)).toBe(
      "/store/products/:id"
    )
    expect(routeLabel(request({ url: "/store/orders/3f2504e0-4f89-41d3-9a0c-0305e82c3301/tracking" }), 200)).toBe(
      "/store/orders/:id/tracking"
    )
  })

  it("is the namespace when Medusa answered before any route, never the raw path", () => {
    expect(routeLabel(request({ url: "/admin/some-unknown-thing" }), 401)).toBe("/admin/*")
    // The dashboard answers 200 to any path under /app: one label for all.
    expect(routeLabel(request({ url: "/app/orders/anything-at-all" }), 200)).toBe("/app/*")
    expect(routeLabel(request({ originalUrl: "/admin/orders/order_01?token=secret" }))).toBe("/admin/*")
    expect(routeLabel(request({ url: "/store/random/abc" }))).toBe("/store/*")
    expect(routeLabel(request({ url: "/wp-login.php" }))).toBe("unmatched")
    expect(routeLabel(request({ url: "/metrics?x=1" }))).toBe("/metrics")
  })
})

describe("HTTP metrics", () => {
  it("counts requests and observes latency by method, route and status", async () => {
    const req = request({ method: "GET", route: { path: "/store/orders/:id/tracking" }, url: "/store/orders/o_1/tracking" })
    recordHttpRequest(req, 200, 0.02)
    recordHttpRequest(req, 200, 0.03)
    recordHttpRequest(req, 404, 0.01)
    const labels = { method: "GET", route: "/store/orders/:id/tracking" }
    expect(await valueOf("http_requests_total", { ...labels, status: "200" })).toBe(2)
    expect(await valueOf("http_requests_total", { ...labels, status: "404" })).toBe(1)
    const text = await metricsRegistry.metrics()
    expect(text).toContain(
      'http_request_duration_seconds_count{method="GET",route="/store/orders/:id/tracking",status="200"} 2'
    )
    expect(text).not.toContain("o_1")
  })

  it("counts payment webhooks by provider and outcome", async () => {
    const hook = (provider: string) => request({ method: "POST", url: `/hooks/payment/${provider}` })
    recordHttpRequest(hook("paystack_paystack"), 200, 0.01)
    recordHttpRequest(hook("paystack_paystack"), 401, 0.01)
    recordHttpRequest(hook("stripe_stripe"), 429, 0.01)
    recordHttpRequest(hook("evil_provider"), 500, 0.01)
    expect(await valueOf("payment_webhooks_total", { provider: "paystack", outcome: "accepted" })).toBe(1)
    expect(await valueOf("payment_webhooks_total", { provider: "paystack", outcome: "invalid_signature" })).toBe(1)
    expect(await valueOf("payment_webhooks_total", { provider: "stripe", outcome: "rate_limited" })).toBe(1)
    expect(await valueOf("payment_webhooks_total", { provider: "unknown", outcome: "error" })).toBe(1)
  })

  it("counts rate-limit rejections by scope and route", async () => {
    recordRateLimitRejection(request({ url: "/auth/user/emailpass" }))
    recordRateLimitRejection(
      request({ url: "/store/concierge/escalations", route: { path: "/store/concierge/escalations" } })
    )
    expect(await valueOf("rate_limit_rejections_total", { scope: "auth", route: "/auth/*" })).toBe(1)
    expect(await valueOf("rate_limit_rejections_total", { scope: "store", route: "/store/concierge/escalations" })).toBe(
      1
    )
  })
})

describe("countedTransports", () => {
  it("counts each broadcast message's outcome by channel and passes results through", async () => {
    const transport = (channel: NotificationChannel): BroadcastTransport => ({
      channel,
      batchSize: 10,
      mode: "local",
      send: async (messages) =>
        messages.map((message, i) =>
          i === 0 ? { status: "sent", id: `id_${message.to}` } : { status: "failed", error: "bad address" }
        ),
    })
    const counted = countedTransports({ email: transport("email"), sms: transport("sms"), whatsapp: transport("whatsapp") })
    const results = await counted.sms.send(
      [
        { to: "+2348030000001", text: "a" },
        { to: "+2348030000002", text: "b" },
      ],
      "batch_1"
    )
    expect(results).toEqual([
      { status: "sent", id: "id_+2348030000001" },
      { status: "failed", error: "bad address" },
    ])
    expect(counted.sms).toMatchObject({ channel: "sms", batchSize: 10, mode: "local" })
    expect(await valueOf("notifications_total", { kind: "broadcast", channel: "sms", outcome: "sent" })).toBe(1)
    expect(await valueOf("notifications_total", { kind: "broadcast", channel: "sms", outcome: "failed" })).toBe(1)
    expect(await valueOf("notifications_total", { kind: "broadcast", channel: "email", outcome: "sent" })).toBeUndefined()
  })
})

describe("heartbeat (event-bus and job lag)", () => {
  it("records the job's delay after its minute and emits the heartbeat with the emit time", async () => {
    const emitted: unknown[] = []
    const container = { resolve: () => ({ emit: async (message: unknown) => emitted.push(message) }) }
    const now = Date.UTC(2026, 0, 1, 10, 0, 3, 500)
    await runHeartbeat(container as never, now)
    expect(emitted).toEqual([{ name: "observability.heartbeat", data: { emitted_at: now } }])
    const text = () => metricsRegistry.metrics()
    expect(await text()).toMatch(/^scheduled_job_delay_seconds_sum 3\.5$/m)

    receiveHeartbeat({ emitted_at: now }, now + 1250)
    receiveHeartbeat({}, now)
    expect(await text()).toMatch(/^event_bus_lag_seconds_sum 1\.25$/m)
    expect(await text()).toMatch(/^event_bus_lag_seconds_count 1$/m)
  })
})

describe("metricsAccess", () => {
  it("needs the bearer token whenever METRICS_TOKEN is set", () => {
    const settings = { NODE_ENV: "production", METRICS_TOKEN: "t0ken-of-some-length" }
    expect(metricsAccess("Bearer t0ken-of-some-length", settings)).toBe("allowed")
    expect(metricsAccess("bearer t0ken-of-some-length", settings)).toBe("allowed")
    expect(metricsAccess("Bearer wrong", settings)).toBe("unauthorized")
    expect(metricsAccess(undefined, settings)).toBe("unauthorized")
    expect(metricsAccess("t0ken-of-some-length", { ...settings, NODE_ENV: "development" })).toBe("unauthorized")
  })

  it("without a token: open outside production, hidden (404) in production", () => {
    expect(metricsAccess(undefined, { NODE_ENV: "development" })).toBe("allowed")
    expect(metricsAccess(undefined, { NODE_ENV: "test" })).toBe("allowed")
    expect(metricsAccess("Bearer anything", { NODE_ENV: "production" })).toBe("not_found")
  })
})

describe("worker metrics server", () => {
  it("serves /metrics with the same access rule and reports a taken port instead of throwing", async () => {
    const settings = { NODE_ENV: "production", METRICS_TOKEN: "worker-token" }
    const server = startMetricsServer(0, settings, () => undefined, "127.0.0.1")
    await once(server, "listening")
    const port = (server.address() as { port: number }).port
    try {
      recordRateLimitRejection(request({ url: "/hooks/payment/stripe_stripe" }))
      const base = `http://127.0.0.1:${port}`
      expect((await fetch(`${base}/metrics`)).status).toBe(401)
      const ok = await fetch(`${base}/metrics`, { headers: { authorization: "Bearer worker-token" } })
      expect(ok.status).toBe(200)
      expect(await ok.text()).toContain('rate_limit_rejections_total{scope="hooks",route="/hooks/*"} 1')
      expect((await fetch(`${base}/other`)).status).toBe(404)

      const errors: Error[] = []
      const second = startMetricsServer(port, settings, (error) => errors.push(error), "127.0.0.1")
      await once(second, "error")
      expect(errors[0]?.message).toMatch(/EADDRINUSE/)
    } finally {
      server.close()
    }
  })
})
