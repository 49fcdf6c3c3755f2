import Redis from "ioredis"
import { readFileSync, writeFileSync } from "node:fs"
import path from "node:path"
import { FakeOtlpCollector, ReceivedSpan, startFakeOtlpCollector } from "../fakes/otlp"
import { FakePaystack, startFakePaystack } from "../fakes/paystack"
import { FakeResend, startFakeResend } from "../fakes/resend"
import { FakeStripe, startFakeStripe } from "../fakes/stripe"
import { PAYSTACK_SECRET, RESEND_KEY, STRIPE_KEY, STRIPE_WEBHOOK_SECRET } from "../utils/env"
import { sleep, waitFor } from "../utils/wait-for"
import {
  baseEnv,
  createDatabase,
  databaseUrl,
  dropDatabase,
  freePort,
  LOG_DIR,
  MedusaProcess,
  pgServerFromEnv,
  randomSecret,
  ROOT,
  runMedusa,
  since,
  startMedusa,
} from "./cluster"
import {
  call,
  createPaystackSession,
  deliverChargeSuccess,
  ok,
  paystackReference,
  prepareNigeriaCart,
  Reply,
  Shopper,
} from "./storefront"

/**
 * Scale-out on Medusa's own engine, with the built app as production runs it
 * (`npm run test:scale` builds it and sets SCALE_SERVER_DIR): two processes
 * with MEDUSA_WORKER_MODE=server and one with MEDUSA_WORKER_MODE=worker, one
 * fresh PostgreSQL database, one Redis database, Paystack and Resend fakes,
 * and a fake OTLP/HTTP collector every process exports its traces to.
 *
 * The phases run in order and build on each other (one store, one set of
 * processes): shared rate limits, the store cache shared through Redis, a
 * webhook waiting in Redis while no worker runs, the worker placing the order and sending its confirmation,
 * the servers' and the worker's spans at the collector, then SIGTERM on a server mid-request and on the
 * worker mid-send.
 */
jest.setTimeout(10 * 60_000)

const SERVER_DIR = process.env.SCALE_SERVER_DIR ?? ""
/** A Redis database the harness owns: it is emptied first (the queues must hold only this run's jobs). */
const REDIS_URL = process.env.SCALE_REDIS_URL || "redis://127.0.0.1:6379/14"
const AUTH_LIMIT = 4
const SKU = "FIX-CARD-OS"
const ADMIN = { email: "admin@scale.test", password: "scale-harness-password" }
/** Medusa's Redis event bus: BullMQ queue `events-queue` under the prefix `RedisEventBusService`. */
const EVENT_QUEUE = "RedisEventBusService:events-queue"

const tag = Date.now().toString(36)
const database = `scale_${tag}`
const pg = pgServerFromEnv()
const timings: Record<string, number> = {}

let redis: Redis
let paystack: FakePaystack
let resend: FakeResend
let stripe: FakeStripe
let otlp: FakeOtlpCollector
let env: Record<string, string>
let publishableKey: string
let adminToken: string
const processes: MedusaProcess[] = []
let serverA: MedusaProcess
let serverB: MedusaProcess
let worker: MedusaProcess

const metricsUrlOf = new Map<MedusaProcess, string>()

/** Starts one `medusa start` from the build with the given worker mode. */
async function startProcess(name: string, mode: "server" | "worker") {
  const started = Date.now()
  const metricsPort = await freePort()
  const child = startMedusa(name, SERVER_DIR, ["start"], {
    ...env,
    MEDUSA_WORKER_MODE: mode,
    PORT: String(await freePort()),
    // A worker serves no API routes: its /metrics is on a port of its own.
    METRICS_PORT: String(metricsPort),
  })
  metricsUrlOf.set(child, mode === "worker" ? `http://127.0.0.1:${metricsPort}` : child.url)
  processes.push(child)
  await child.waitUntilHealthy()
  timings[`${name}_boot_ms`] = since(started)
  return child
}

const admin = () => ({ ip: "10.90.0.1", headers: { authorization: `Bearer ${adminToken}` } })

type OrderRow = { id: string; display_id: number; email: string }
type NotificationRow = { id: string; to: string; channel: string; template: string; status: string }

async function orderFor(email: string): Promise<OrderRow | undefined> {
  const { orders } = await ok<{ orders: OrderRow[] }>(
    serverA.url,
    "GET",
    "/admin/orders?fields=id,display_id,email&order=-created_at&limit=20",
    admin()
  )
  return orders.find((order) => order.email === email)
}

async function notificationsTo(email: string): Promise<NotificationRow[]> {
  const { notifications } = await ok<{ notifications: NotificationRow[] }>(
    serverA.url,
    "GET",
    `/admin/notifications?to=${encodeURIComponent(email)}&fields=id,to,channel,template,status&limit=50`,
    admin()
  )
  return notifications
}

const emailsTo = (email: string) => resend.emails.filter((sent) => sent.to.includes(email))

/** Names of the events waiting in the event bus queue (delayed, prioritised or waiting), none running. */
async function queuedEventNames(): Promise<string[]> {
  const ids = [
    ...(await redis.zrange(`${EVENT_QUEUE}:delayed`, 0, -1)),
    ...(await redis.zrange(`${EVENT_QUEUE}:prioritized`, 0, -1)),
    ...(await redis.lrange(`${EVENT_QUEUE}:wait`, 0, -1)),
  ]
  const names = await Promise.all(ids.map((id) => redis.hget(`${EVENT_QUEUE}:${id}`, "name")))
  return names.filter((name): name is string => !!name)
}

/** Events whose subscribers a process ran, from the event bus's "Processing <event> (priority: n) which has n subscribers" lines. */
const subscriberRuns = (medusa: MedusaProcess) =>
  [...medusa.log().matchAll(/Processing (\S+) (?:\(priority: \d+\) )?which has \d+ subscribers/g)].map((match) => match[1])

/** The span `match` finds at the collector, waited for (the exporter sends each span when it ends, asynchronously). */
async function spanArrives(what: string, match: (span: ReceivedSpan) => boolean, timeoutMs = 60_000): Promise<ReceivedSpan> {
  try {
    return await waitFor(async () => otlp.spans.find(match), { timeoutMs, intervalMs: 250, what })
  } catch (error) {
    const names = [...new Set(otlp.spans.map((span) => `${span.name} (pid ${span.resource["process.pid"]})`))]
    throw new Error(`${(error as Error).message}; ${otlp.spans.length} spans received: ${names.slice(0, 60).join(", ")}`)
  }
}

/** Spans exported by `medusa`'s process (the SDK's process resource detector reports the pid). */
const exportedBy = (medusa: MedusaProcess) => (span: ReceivedSpan) => span.resource["process.pid"] === medusa.child.pid

const shopper = (name: string, ip: string): Shopper => ({
  email: `${name}.${tag}@scale.test`,
  ip,
  publishableKey,
})

beforeAll(async () => {
  if (!SERVER_DIR) {
    throw new Error("SCALE_SERVER_DIR is not set: run the harness with `npm run test:scale`")
  }
  const setupStarted = Date.now()
  redis = new Redis(REDIS_URL)
  await redis.flushdb()
  await createDatabase(pg, database)
  paystack = await startFakePaystack({ secretKey: PAYSTACK_SECRET })
  resend = await startFakeResend({ apiKey: RESEND_KEY })
  stripe = await startFakeStripe({ webhookSecret: STRIPE_WEBHOOK_SECRET, apiKey: STRIPE_KEY })
  otlp = await startFakeOtlpCollector()
  env = {
    ...baseEnv(),
    NODE_ENV: "production",
    MEDUSA_DISABLE_TELEMETRY: "true",
    DATABASE_URL: databaseUrl(pg, database),
    REDIS_URL,
    JWT_SECRET: randomSecret(),
    COOKIE_SECRET: randomSecret(),
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    PAYSTACK_SECRET_KEY: PAYSTACK_SECRET,
    PAYSTACK_API_BASE: paystack.url,
    STRIPE_API_KEY: STRIPE_KEY,
    STRIPE_WEBHOOK_SECRET,
    STRIPE_API_BASE: stripe.url,
    RESEND_API_KEY: RESEND_KEY,
    RESEND_API_BASE: resend.url,
    EMAIL_FROM: "Store <no-reply@scale.test>",
    RATE_LIMIT_AUTH_PER_MINUTE: String(AUTH_LIMIT),
    // instrumentation.ts registers Medusa's OpenTelemetry integration, exporting over OTLP/HTTP to the fake.
    OTEL_EXPORTER_OTLP_ENDPOINT: otlp.url,
    METRICS_TOKEN: randomSecret(),
  }

  // One-off commands run as servers (as compose's `migrate` does): they must not take queued jobs.
  const oneOff = { ...env, MEDUSA_WORKER_MODE: "server" }
  let started = Date.now()
  await runMedusa("migrate", SERVER_DIR, ["db:migrate"], oneOff)
  timings.migrate_ms = since(started)

  started = Date.now()
  const seedOutput = path.join(LOG_DIR, `seed-${tag}.json`)
  const catalog = path.join(ROOT, "integration-tests", "fixtures", "catalog-small.json")
  await runMedusa("seed", SERVER_DIR, ["exec", "./src/scripts/seed.js", catalog, seedOutput], oneOff)
  publishableKey = JSON.parse(readFileSync(seedOutput, "utf8")).publishable_key
  timings.seed_ms = since(started)

  // Two HTTP servers, no worker yet.
  ;[serverA, serverB] = await Promise.all([startProcess("server-a", "server"), startProcess("server-b", "server")])
  const login = await ok<{ token: string }>(serverA.url, "POST", "/auth/user/emailpass", { ip: "10.90.0.1", body: ADMIN })
  adminToken = login.token
  timings.setup_ms = since(setupStarted)
})

afterAll(async () => {
  await Promise.all(processes.map((child) => child.stop()))
  await Promise.all([paystack?.close(), resend?.close(), stripe?.close(), otlp?.close()])
  if (otlp) {
    // What reached the collector, for a failing tracing phase (names and ids, no attribute values: those hold tokens).
    const received = otlp.spans.map(({ name, scope, traceId, spanId, parentSpanId, resource }) => ({
      name,
      scope,
      pid: resource["process.pid"],
      traceId,
      spanId,
      parentSpanId,
    }))
    writeFileSync(path.join(LOG_DIR, "otlp-spans.json"), JSON.stringify(received, null, 1))
  }
  redis?.disconnect()
  await dropDatabase(pg, database).catch((error) => process.stderr.write(`[scale] could not drop ${database}: ${error}\n`))
  process.stdout.write(`\n[scale] timings ${JSON.stringify(timings)}\n[scale] process logs in ${path.relative(ROOT, LOG_DIR)}/\n`)
})

describe("two servers and a worker on one PostgreSQL and one Redis", () => {
  it("the servers share one /auth budget per address through Redis: 429 with Retry-After and RateLimit-* from either", async () => {
    const ip = "10.91.0.1"
    const servers = [serverA, serverB, serverA, serverB]
    const replies: Reply[] = []
    for (const [i, server] of servers.entries()) {
      replies.push(
        await call(server.url, "POST", "/auth/user/emailpass", {
          ip,
          body: { email: `guess${i}@scale.test`, password: "not-the-password" },
        })
      )
    }
    expect(replies.map((reply) => reply.status)).toEqual([401, 401, 401, 401])
    expect(replies.map((reply) => reply.headers["ratelimit-remaining"])).toEqual(["3", "2", "1", "0"])
    expect(replies.map((reply) => reply.headers["ratelimit-limit"])).toEqual(["4", "4", "4", "4"])

    for (const server of [serverA, serverB]) {
      const limited = await call(server.url, "POST", "/auth/user/emailpass", {
        ip,
        body: { email: "one-more@scale.test", password: "not-the-password" },
      })
      expect(limited.status).toBe(429)
      expect(limited.data).toEqual({ type: "too_many_requests", message: expect.stringMatching(/retry in \d+ seconds/i) })
      const retryAfter = Number(limited.headers["retry-after"])
      expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true)
      expect(limited.headers).toMatchObject({
        "ratelimit-limit": String(AUTH_LIMIT),
        "ratelimit-remaining": "0",
        "ratelimit-reset": String(retryAfter),
      })
    }
    // One counter in Redis for the address: every request of both servers went to it.
    expect(await redis.get(`rl:auth:ip:${ip}`)).toBe("6")
    // Another address still has its whole budget on both servers.
    const other = await call(serverB.url, "POST", "/auth/user/emailpass", {
      ip: "10.91.0.2",
      body: { email: "someone@scale.test", password: "not-the-password" },
    })
    expect([other.status, other.headers["ratelimit-remaining"]]).toEqual([401, "3"])
  })

  it("a price changed through the admin API on one server is in the next store read on the other (store cache in Redis)", async () => {
    const store = { ip: "10.94.0.1", headers: { "x-publishable-api-key": publishableKey } }
    const { regions } = await ok<{ regions: { id: string; currency_code: string }[] }>(serverB.url, "GET", "/store/regions", store)
    const nigeria = regions.find((region) => region.currency_code === "ngn")!
    const { variants } = await ok<{ variants: { id: string; product_id: string; prices: { id: string; currency_code: string; amount: number }[] }[] }>(
      serverA.url,
      "GET",
      `/admin/product-variants?sku=${SKU}&fields=id,product_id,*prices`,
      admin()
    )
    const variant = variants[0]
    const url = `/store/products/${variant.product_id}?region_id=${nigeria.id}&fields=id,*variants.calculated_price`
    const storePrice = async (server: MedusaProcess) => {
      const reply = await call<{ product: { variants: { id: string; calculated_price: { calculated_amount: number } }[] } }>(
        server.url,
        "GET",
        url,
        store
      )
      expect(reply.status).toBe(200)
      const amount = reply.data.product.variants.find((v) => v.id === variant.id)!.calculated_price.calculated_amount
      return { amount, cache: reply.headers["x-cache"] }
    }

    const before = await storePrice(serverB)
    expect((await storePrice(serverB)).cache).toBe("HIT")
    expect(await storePrice(serverA)).toEqual({ amount: before.amount, cache: "HIT" })

    const changed = before.amount + 4321
    await ok(serverA.url, "POST", `/admin/products/${variant.product_id}/variants/${variant.id}`, {
      ...admin(),
      body: {
        prices: variant.prices.map((price) => ({
          id: price.id,
          currency_code: price.currency_code,
          amount: price.currency_code === "ngn" ? changed : price.amount,
        })),
      },
    })
    // No worker runs yet, so no event has been handled: the write itself moved the shared cache on.
    expect(await storePrice(serverB)).toEqual({ amount: changed, cache: "MISS" })
    expect((await storePrice(serverA)).amount).toBe(changed)
  })

  let firstBuyer: Shopper

  it("with no worker running, a payment webhook taken by a server waits in Redis and nothing is placed or sent", async () => {
    firstBuyer = shopper("first", "10.92.0.1")
    const { collectionId } = await prepareNigeriaCart(serverA.url, firstBuyer, SKU)
    const session = await createPaystackSession(serverA.url, firstBuyer, collectionId)
    expect(session.status).toBe(200)
    await deliverChargeSuccess(serverB.url, paystack, paystackReference(session), "10.92.0.2")

    expect(await queuedEventNames()).toContain("payment.webhook_received")
    // Past Medusa's 5-second webhook delay: a process that ran subscribers would have placed the order by now.
    await sleep(8_000)
    expect(await queuedEventNames()).toContain("payment.webhook_received")
    expect(await orderFor(firstBuyer.email)).toBeUndefined()
    expect(emailsTo(firstBuyer.email)).toHaveLength(0)
  })

  it("the worker places that order and sends its confirmation through Resend; the servers run no subscriber", async () => {
    worker = await startProcess("worker", "worker")
    const workerReady = Date.now()

    const order = await waitFor(() => orderFor(firstBuyer.email), { timeoutMs: 120_000, intervalMs: 1000, what: "the first order" })
    timings.order_placed_after_worker_ms = since(workerReady)
    const subject = `Order #${order.display_id} confirmed`
    const confirmation = await waitFor(
      async () => emailsTo(firstBuyer.email).find((sent) => sent.subject === subject),
      { timeoutMs: 60_000, what: "the order confirmation email" }
    )
    timings.confirmation_email_after_worker_ms = since(workerReady)
    expect(confirmation.to).toEqual([firstBuyer.email])
    expect(confirmation.text).toContain("₦")

    const placed = await waitFor(
      async () => (await notificationsTo(firstBuyer.email)).find((n) => n.template === "order-placed" && n.channel === "email"),
      { what: "the order-placed notification record" }
    )
    expect(placed.status).toBe("success")

    // Which process ran the subscribers: the worker did, neither server did anything of the kind.
    expect(subscriberRuns(worker)).toEqual(expect.arrayContaining(["payment.webhook_received", "order.placed"]))
    expect(subscriberRuns(serverA)).toEqual([])
    expect(subscriberRuns(serverB)).toEqual([])
    expect(await queuedEventNames()).not.toContain("payment.webhook_received")
  })

  it("tracing: a server's spans for a store request and the worker's spans for the confirmation workflow reach the OTLP/HTTP collector", async () => {
    const started = Date.now()
    const marker = `trace-${tag}`
    const cookie = `connect.sid=secret-cookie-${tag}`
    const reply = await call(serverA.url, "GET", `/store/products?q=secret-query-${tag}&limit=1&fields=id`, {
      ip: "10.95.0.1",
      headers: { "x-publishable-api-key": publishableKey, "x-request-id": marker, cookie },
    })
    expect(reply.status).toBe(200)

    // Medusa's HTTP layer: one span per request, named after the Express route, from the server that took it.
    const request = await spanArrives(
      "the span of GET /store/products",
      (span) => span.name === "/store/products" && span.attributes["x-request-id"] === marker
    )
    // Medusa copies the request's headers onto the span; credentials and query strings are redacted before export.
    expect(request.attributes).toMatchObject({ cookie: "[redacted]", "x-publishable-api-key": "[redacted]" })
    expect(String(request.attributes["http.url"])).toMatch(/\/store\/products\?\[redacted\]$/)
    expect(JSON.stringify(request)).not.toContain(`secret-query-${tag}`)
    expect(JSON.stringify(otlp.spans)).not.toContain(`secret-cookie-${tag}`)
    timings.request_span_ms = since(started)
    expect(request).toMatchObject({
      scope: "@medusajs/http",
      parentSpanId: "",
      attributes: expect.objectContaining({ "http.route": "/store/products", "http.method": "GET", "http.status_code": 200 }),
      resource: expect.objectContaining({ "service.name": "naira-dollar-store", "process.pid": serverA.child.pid }),
    })
    // Its route handler ran inside that request's trace.
    const handler = await spanArrives(
      "the route handler span in the request's trace",
      (span) => span.traceId === request.traceId && span.name === "route handler: /store/products"
    )
    expect(handler.spanId).not.toBe(request.spanId)

    // Medusa's workflow instrumentation, in the worker: the order confirmation the previous phase waited for.
    const workflow = await spanArrives(
      "the worker's send-order-notifications workflow span",
      (span) => span.name === "workflow:send-order-notifications" && exportedBy(worker)(span)
    )
    expect(workflow).toMatchObject({
      scope: "@medusajs/framework/workflows-sdk",
      attributes: expect.objectContaining({ "workflow.transaction_id": expect.any(String) }),
      resource: expect.objectContaining({ "service.name": "naira-dollar-store" }),
    })
    const steps = otlp.trace(workflow.traceId).filter((span) => span.name.startsWith("step:"))
    expect(steps.map((span) => span.name)).toEqual(expect.arrayContaining([expect.stringMatching(/^step:build-order-notifications/)]))
    // The servers ran no workflow of the kind (they run no subscriber).
    expect(otlp.spansNamed("workflow:send-order-notifications").filter((span) => !exportedBy(worker)(span))).toEqual([])
    // Every export the processes made was a JSON one (the -http exporter's encoding) that the collector took.
    expect(new Set(otlp.requests.map((r) => `${r.contentType} ${r.status}`))).toEqual(new Set(["application/json 200"]))
  })

  let secondBuyer: Shopper
  let secondReference: string

  it("SIGTERM on a server lets its in-flight request finish with 200, then it exits 0 and takes no more connections", async () => {
    secondBuyer = shopper("second", "10.93.0.1")
    const { collectionId } = await prepareNigeriaCart(serverB.url, secondBuyer, SKU)
    const initialisations = () =>
      paystack.requests.filter(
        (request) => request.path === "/transaction/initialize" && (request.body as { email?: string }).email === secondBuyer.email
      )

    paystack.setLatency(4_000)
    const started = Date.now()
    const inFlight = createPaystackSession(serverB.url, secondBuyer, collectionId)
    // The server is waiting on Paystack for this request when the signal arrives.
    await waitFor(async () => initialisations().length > 0, { timeoutMs: 30_000, intervalMs: 50, what: "the Paystack call" })
    const exited = serverB.terminate()
    const reply = await inFlight
    paystack.setLatency(0)
    timings.drained_request_ms = since(started)

    expect(reply.status).toBe(200)
    secondReference = paystackReference(reply)
    expect(await exited).toEqual({ code: 0, signal: null })
    timings.server_shutdown_ms = since(started)
    expect(serverB.log()).toContain("Gracefully shutting down server")
    const afterExit = await fetch(`${serverB.url}/health`).then(
      () => "answered",
      () => "refused"
    )
    expect(afterExit).toBe("refused")
  })

  it("SIGTERM on the worker lets the email it is sending finish (exit 0); events it had not started wait for the next worker", async () => {
    const email = secondBuyer.email
    resend.setLatency(5_000)
    await deliverChargeSuccess(serverA.url, paystack, secondReference, "10.93.0.2")
    // The worker is in the middle of a Resend call for this order when the signal arrives.
    await waitFor(
      async () => resend.requests.some((request) => JSON.stringify(request.body).includes(email)),
      { timeoutMs: 120_000, intervalMs: 100, what: "an email to the second buyer in flight" }
    )
    const started = Date.now()
    const exit = await worker.terminate()
    timings.worker_shutdown_ms = since(started)
    resend.setLatency(0)
    expect(exit).toEqual({ code: 0, signal: null })

    // Every send the worker started was completed and recorded as such before it exited.
    const recorded = await notificationsTo(email)
    expect(recorded.length).toBeGreaterThanOrEqual(1)
    expect(recorded.map((n) => n.status)).toEqual(recorded.map(() => "success"))
    expect(emailsTo(email)).toHaveLength(recorded.filter((n) => n.channel === "email").length)

    // The next worker picks up whatever was left in Redis: each message is sent once, none lost.
    const restarted = Date.now()
    worker = await startProcess("worker-2", "worker")
    const order = await waitFor(() => orderFor(email), { timeoutMs: 60_000, intervalMs: 1000, what: "the second order" })
    const templates = ["order-paid", "order-placed"]
    const emailed = await waitFor(
      async () => {
        const sent = (await notificationsTo(email)).filter((n) => n.channel === "email")
        return templates.every((template) => sent.some((n) => n.template === template && n.status === "success")) && sent
      },
      { timeoutMs: 120_000, intervalMs: 1000, what: "the second order's emails" }
    )
    timings.remaining_messages_after_restart_ms = since(restarted)
    expect(emailed.map((n) => n.template).sort()).toEqual(templates)
    expect(emailsTo(email).filter((sent) => sent.subject === `Order #${order.display_id} confirmed`)).toHaveLength(1)
    expect(emailsTo(email)).toHaveLength(2)
  })

  it("scheduled jobs run in the worker only: the every-minute heartbeat job is on the worker's /metrics, not a server's", async () => {
    const scrape = async (medusa: MedusaProcess) => {
      const response = await fetch(`${metricsUrlOf.get(medusa)}/metrics`, {
        headers: { authorization: `Bearer ${env.METRICS_TOKEN}` },
      })
      expect(response.status).toBe(200)
      return response.text()
    }
    const jobRuns = (metrics: string) => Number(/^scheduled_job_delay_seconds_count (\S+)$/m.exec(metrics)?.[1] ?? 0)
    const started = Date.now()
    // The job records how late it started, then emits the heartbeat event whose subscriber records its wait.
    const heartbeatHandled = (text: string) => jobRuns(text) > 0 && /^event_bus_lag_seconds_count [1-9]/m.test(text)
    await waitFor(async () => heartbeatHandled(await scrape(worker)), {
      timeoutMs: 90_000,
      intervalMs: 1000,
      what: "a heartbeat job run and its event on the worker's /metrics",
    })
    timings.worker_job_run_ms = since(started)
    expect(jobRuns(await scrape(serverA))).toBe(0)
  })

  it("the remaining server and worker stop on SIGTERM with exit code 0", async () => {
    const started = Date.now()
    const exits = await Promise.all([serverA.terminate(), worker.terminate()])
    timings.final_shutdown_ms = since(started)
    expect(exits).toEqual([
      { code: 0, signal: null },
      { code: 0, signal: null },
    ])
  })
})
