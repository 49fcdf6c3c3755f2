import { logger } from "@medusajs/framework/logger"
import express from "express"
import Redis from "ioredis"
import { once } from "node:events"
import { AddressInfo, Server } from "node:net"
import { RateLimiterRedis } from "rate-limiter-flexible"
import { createRateLimiters, createRateLimitRedis, RateLimiters, RateLimits } from "../rate-limit/limiters"
import { rateLimit } from "../rate-limit/middleware"

const LIMITS: RateLimits = { auth: 3, store: 5, admin: 4, hooks: 2 }

/** Nothing listens on port 1: connections are refused at once. */
const DEAD_REDIS = "redis://127.0.0.1:1"

/**
 * An Express app like Medusa's: `trust proxy` 1, a JSON body, an
 * authenticate stand-in that takes the actor from `x-actor`, then the limiter.
 */
async function serve(limiters: RateLimiters) {
  const app = express()
  app.set("trust proxy", 1)
  app.use(express.json())
  app.use((req: express.Request & { auth_context?: { actor_id: string } }, _res, next) => {
    const actor = req.header("x-actor")
    if (actor) {
      req.auth_context = { actor_id: actor }
    }
    next()
  })
  for (const scope of ["auth", "store", "admin", "hooks"] as const) {
    app.use(`/${scope}*`, rateLimit(scope, limiters))
  }
  app.all("*", (_req, res) => {
    res.json({ ok: true })
  })
  const server: Server = app.listen(0, "127.0.0.1")
  await once(server, "listening")
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  type Call = { ip?: string; actor?: string; body?: object }
  const call = (path: string, { ip = "198.51.100.1", actor = "", body }: Call = {}) =>
    fetch(`${base}${path}`, {
      method: body ? "POST" : "GET",
      headers: {
        "content-type": "application/json",
        "x-forwarded-for": ip,
        ...(actor ? { "x-actor": actor } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    })
  return { call, close: () => new Promise((resolve) => server.close(resolve)) }
}

const statuses = async (responses: Promise<Response>[]) => {
  const out: number[] = []
  for (const response of responses) {
    out.push((await response).status)
  }
  return out
}

describe("rateLimit middleware (memory)", () => {
  let app: Awaited<ReturnType<typeof serve>>

  beforeEach(async () => {
    app = await serve(createRateLimiters({ limits: LIMITS }))
  })

  afterEach(async () => {
    await app.close()
  })

  it("reports the budget on allowed responses and answers 429 over it", async () => {
    const remaining: (string | null)[] = []
    for (let i = 0; i < 3; i++) {
      const response = await app.call("/auth/user/emailpass", { body: { email: `u${i}@example.com` } })
      expect(response.status).toBe(200)
      expect(response.headers.get("ratelimit-limit")).toBe("3")
      expect(Number(response.headers.get("ratelimit-reset"))).toBeGreaterThanOrEqual(1)
      expect(response.headers.get("retry-after")).toBeNull()
      remaining.push(response.headers.get("ratelimit-remaining"))
    }
    expect(remaining).toEqual(["2", "1", "0"])

    const limited = await app.call("/auth/user/emailpass", { body: { email: "u9@example.com" } })
    expect(limited.status).toBe(429)
    const retryAfter = Number(limited.headers.get("retry-after"))
    expect(Number.isInteger(retryAfter)).toBe(true)
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    expect(retryAfter).toBeLessThanOrEqual(60)
    expect(limited.headers.get("ratelimit-limit")).toBe("3")
    expect(limited.headers.get("ratelimit-remaining")).toBe("0")
    expect(limited.headers.get("ratelimit-reset")).toBe(String(retryAfter))
    expect(await limited.json()).toEqual({
      type: "too_many_requests",
      message: expect.stringMatching(/too many requests/i),
    })

    // Another address has its own budget.
    const elsewhere = await app.call("/auth/user/emailpass", { ip: "198.51.100.2", body: { email: "a@b.co" } })
    expect(elsewhere.status).toBe(200)
  })

  it("limits one email across addresses, whatever its case", async () => {
    const emails = ["Victim@Example.com", " victim@example.com", "VICTIM@EXAMPLE.COM"]
    const first = await statuses(
      emails.map((email, i) => app.call("/auth/user/emailpass", { ip: `203.0.113.${i}`, body: { email } }))
    )
    expect(first).toEqual([200, 200, 200])

    const fresh = "203.0.113.50"
    const victim = await app.call("/auth/user/emailpass", { ip: fresh, body: { email: "victim@example.com" } })
    expect(victim.status).toBe(429)
    expect(victim.headers.get("retry-after")).toBeTruthy()
    // The same fresh address may still try another account...
    const other = await app.call("/auth/user/emailpass", { ip: fresh, body: { email: "other@example.com" } })
    expect(other.status).toBe(200)
    // ...and a password reset names the account as `identifier`.
    const reset = await app.call("/auth/user/emailpass/reset-password", {
      ip: "203.0.113.51",
      body: { identifier: "VICTIM@example.com" },
    })
    expect(reset.status).toBe(429)
  })

  it("gives each actor one budget across addresses, and keeps the per-IP one", async () => {
    const spread = await statuses(
      [1, 2, 3, 4].map((n) => app.call("/admin/orders", { ip: `192.0.2.${n}`, actor: "user_1" }))
    )
    expect(spread).toEqual([200, 200, 200, 200])
    expect((await app.call("/admin/orders", { ip: "192.0.2.5", actor: "user_1" })).status).toBe(429)
    expect((await app.call("/admin/orders", { ip: "192.0.2.5", actor: "user_2" })).status).toBe(200)

    // Many actors behind one address still share that address's budget.
    const crowd = await statuses(
      ["a", "b", "c", "d", "e"].map((actor) => app.call("/admin/orders", { ip: "192.0.2.9", actor }))
    )
    expect(crowd).toEqual([200, 200, 200, 200, 429])
  })

  it("keeps the scopes' budgets apart", async () => {
    const ip = "192.0.2.77"
    expect(await statuses([1, 2, 3].map(() => app.call("/hooks/x", { ip })))).toEqual([200, 200, 429])
    const store = await app.call("/store/products", { ip })
    expect(store.status).toBe(200)
    expect(store.headers.get("ratelimit-limit")).toBe("5")
    expect(store.headers.get("ratelimit-remaining")).toBe("4")
  })
})

describe("rateLimit middleware when Redis is unreachable", () => {
  let redis: Redis
  let warn: jest.SpyInstance

  beforeEach(() => {
    warn = jest.spyOn(logger, "warn").mockImplementation(() => logger)
  })

  afterEach(() => {
    redis?.disconnect()
    warn.mockRestore()
  })

  it("falls back to a per-process memory limit without delaying requests, and logs once", async () => {
    redis = createRateLimitRedis(DEAD_REDIS)
    const app = await serve(createRateLimiters({ limits: LIMITS, redis }))
    try {
      const started = Date.now()
      const codes = await statuses([1, 2, 3].map(() => app.call("/hooks/x", { ip: "192.0.2.200" })))
      expect(codes).toEqual([200, 200, 429])
      expect(Date.now() - started).toBeLessThan(1000)
      // ioredis keeps retrying; every failure after the first is silent.
      await new Promise((resolve) => setTimeout(resolve, 400))
      expect(warn).toHaveBeenCalledTimes(1)
      expect(String(warn.mock.calls[0][0])).toMatch(/Redis unavailable/)
    } finally {
      await app.close()
    }
  })

  it("lets requests through when a limiter has no fallback", async () => {
    redis = new Redis(DEAD_REDIS, { lazyConnect: true, enableOfflineQueue: false })
    const bare = new RateLimiterRedis({ storeClient: redis, points: 1, duration: 60, rejectIfRedisNotReady: true })
    const memory = createRateLimiters({ limits: LIMITS })
    const app = await serve({ ...memory, hooks: bare })
    try {
      const responses = await Promise.all([1, 2, 3].map(() => app.call("/hooks/x")))
      expect(responses.map((r) => r.status)).toEqual([200, 200, 200])
      expect(responses[0].headers.get("ratelimit-limit")).toBeNull()
      expect(warn).toHaveBeenCalledTimes(1)
    } finally {
      await app.close()
    }
  })
})
