import express from "express"
import { once } from "node:events"
import { createServer, Server } from "node:http"
import { AddressInfo } from "node:net"
import { Writable } from "node:stream"
import { randomUUID } from "node:crypto"
import { requestIdMiddleware } from "../../../api/request-id"
import { observeHttpRequests } from "../http"
import { applicationLogger } from "../logger"
import { metricsRegistry } from "../metrics"

const lines: Record<string, unknown>[] = []
const logger = applicationLogger(
  { NODE_ENV: "production", LOG_LEVEL: "http" },
  new Writable({
    write(chunk, _encoding, done) {
      String(chunk)
        .split("\n")
        .filter(Boolean)
        .forEach((line) => lines.push(JSON.parse(line)))
      done()
    },
  })
)

/** An Express app shaped like Medusa's: request id first, an auth check on /admin, then the routes. */
function medusaLikeApp() {
  const app = express()
  app.use((req, _res, next) => {
    Object.assign(req, { requestId: req.headers["x-request-id"] ?? randomUUID() })
    next()
  })
  app.use("/admin", (_req, res) => {
    res.status(401).json({ message: "Unauthorized" })
  })
  app.use((req, _res, next) => {
    Object.assign(req, { auth_context: { actor_type: "customer", actor_id: "cus_123" } })
    next()
  })
  app.use(requestIdMiddleware)
  app.get("/store/orders/:id/tracking", (_req, res) => {
    logger.info("tracking read")
    res.json({ ok: true })
  })
  return app
}

const servers: Server[] = []
async function listen(handler: Parameters<typeof createServer>[1]) {
  const server = createServer(handler)
  servers.push(server)
  server.listen(0, "127.0.0.1")
  await once(server, "listening")
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

/** Lets the response's `finish` listeners run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20))

beforeAll(() => observeHttpRequests())
beforeEach(() => {
  lines.length = 0
  metricsRegistry.resetMetrics()
})
afterAll(() => Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve)))))

describe("HTTP observer", () => {
  it("echoes a caller's X-Request-Id and logs one line with route, path without query and actor", async () => {
    const base = await listen(medusaLikeApp())
    const response = await fetch(`${base}/store/orders/order_01ABC/tracking?token=s3cret`, {
      headers: { "x-request-id": "edge-7f3a" },
    })
    expect(response.status).toBe(200)
    expect(response.headers.get("x-request-id")).toBe("edge-7f3a")
    await settle()

    expect(lines.find((line) => line.msg === "tracking read")).toMatchObject({ request_id: "edge-7f3a" })
    const requestLine = lines.find((line) => line.level === "http")
    expect(requestLine).toMatchObject({
      request_id: "edge-7f3a",
      method: "GET",
      route: "/store/orders/:id/tracking",
      path: "/store/orders/order_01ABC/tracking",
      status: 200,
      actor_type: "customer",
      actor_id: "cus_123",
      duration_ms: expect.any(Number),
    })
    expect(JSON.stringify(lines)).not.toContain("s3cret")

    const text = await metricsRegistry.metrics()
    expect(text).toContain('http_requests_total{method="GET",route="/store/orders/:id/tracking",status="200"} 1')
  })

  it("replaces an id that does not look like one, and sees requests refused before any route", async () => {
    const base = await listen(medusaLikeApp())
    const response = await fetch(`${base}/admin/orders/order_1`, { headers: { "x-request-id": "bad id\twith spaces" } })
    expect(response.status).toBe(401)
    const id = response.headers.get("x-request-id")
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    await settle()
    expect(lines.find((line) => line.level === "http")).toMatchObject({ request_id: id, route: "/admin/*", status: 401 })
    expect(await metricsRegistry.metrics()).toContain('http_requests_total{method="GET",route="/admin/*",status="401"} 1')
  })

  it("leaves out servers that are not Medusa's (no request id set by the app)", async () => {
    const base = await listen((_req, res) => res.end("plain"))
    expect(await (await fetch(`${base}/store/x`)).text()).toBe("plain")
    await settle()
    expect(lines).toEqual([])
    expect(await metricsRegistry.metrics()).not.toContain("http_requests_total{")
  })
})
