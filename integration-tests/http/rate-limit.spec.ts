import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import Redis from "ioredis"
import { PaymentFakes, startPaymentFakes } from "../utils/env"
import { ADMIN, seedStore } from "../utils/store"

jest.setTimeout(180_000)

/**
 * A database of its own on the local Redis: the limiters count in Redis as in
 * production (two server processes sharing one budget is shown by
 * `npm run test:scale`). Setting REDIS_URL also puts the app under test on
 * Medusa's Redis event bus and workflow engine, whose queues must not mix with
 * another app's (another spec or a dev server on db 0).
 */
const REDIS_URL = "redis://127.0.0.1:6379/13"
const LIMITS = {
  RATE_LIMIT_AUTH_PER_MINUTE: "3",
  RATE_LIMIT_STORE_PER_MINUTE: "5",
  RATE_LIMIT_ADMIN_PER_MINUTE: "5",
  RATE_LIMIT_HOOKS_PER_MINUTE: "4",
}
let fakes: PaymentFakes
const savedEnv = Object.fromEntries(
  ["REDIS_URL", ...Object.keys(LIMITS)].map((name) => [name, process.env[name]])
)

/** Deletes the limiters' counters (`rl:*`) so a rerun within the minute starts from zero. */
async function clearCounters() {
  const redis = new Redis(REDIS_URL)
  try {
    const keys: string[] = []
    for await (const batch of redis.scanStream({ match: "rl:*", count: 500 })) {
      keys.push(...batch)
    }
    if (keys.length) {
      await redis.del(...keys)
    }
  } finally {
    redis.disconnect()
  }
}

beforeAll(async () => {
  Object.assign(process.env, { REDIS_URL, ...LIMITS })
  await clearCounters()
  fakes = await startPaymentFakes()
})

afterAll(async () => {
  await fakes?.paystack.close()
  await fakes?.stripe.close()
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) {
      delete process.env[name]
    } else {
      process.env[name] = value
    }
  }
})

type Reply = {
  status: number
  headers: Record<string, string | undefined>
  data: { type?: string; message?: string; token?: string; regions?: unknown[] }
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let publishableKey: string
    let adminToken: string

    /** A request from `ip` (Medusa sets `trust proxy` to one hop, so X-Forwarded-For names the client). */
    const call = (
      method: "get" | "post",
      url: string,
      { ip, headers = {}, body }: { ip: string; headers?: Record<string, string>; body?: object }
    ): Promise<Reply> => {
      const config = { headers: { "x-forwarded-for": ip, ...headers }, validateStatus: () => true }
      return method === "get" ? api.get(url, config) : api.post(url, body ?? {}, config)
    }
    const login = (ip: string, email: string) =>
      call("post", "/auth/user/emailpass", { ip, body: { email, password: "not-the-password" } })
    const store = (ip: string, headers: Record<string, string> = {}) =>
      call("get", "/store/regions", { ip, headers: { "x-publishable-api-key": publishableKey, ...headers } })
    const remaining = (reply: Reply) => reply.headers["ratelimit-remaining"]

    beforeAll(async () => {
      const setup = await seedStore(getContainer())
      publishableKey = setup.publishable_key
      const { data } = await call("post", "/auth/user/emailpass", { ip: "10.0.0.1", body: ADMIN })
      adminToken = data.token ?? ""
    })

    describe("/auth", () => {
      it("answers the 4th request from one address with 429, Retry-After and the budget headers", async () => {
        const replies: Reply[] = []
        for (const n of [1, 2, 3]) {
          replies.push(await login("10.1.0.1", `guess${n}@example.com`))
        }
        expect(replies.map((r) => r.status)).toEqual([401, 401, 401])
        expect(replies.map(remaining)).toEqual(["2", "1", "0"])
        expect(replies[0].headers["ratelimit-limit"]).toBe("3")

        const limited = await login("10.1.0.1", "guess4@example.com")
        expect(limited.status).toBe(429)
        expect(limited.data).toEqual({
          type: "too_many_requests",
          message: expect.stringMatching(/retry in \d+ seconds/i),
        })
        const retryAfter = Number(limited.headers["retry-after"])
        expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true)
        expect(limited.headers).toMatchObject({
          "ratelimit-limit": "3",
          "ratelimit-remaining": "0",
          "ratelimit-reset": String(retryAfter),
        })
        expect(limited.headers["x-powered-by"]).toBeUndefined()
      })

      it("limits one email across addresses (case-insensitive) while other emails go on", async () => {
        const tries = ["Victim@Example.com", "victim@example.com", "VICTIM@example.COM"]
        const replies: Reply[] = []
        for (const [i, email] of tries.entries()) {
          replies.push(await login(`10.2.0.${i + 1}`, email))
        }
        expect(replies.map((r) => r.status)).toEqual([401, 401, 401])

        // A fresh address, well under its own limit: the email's bucket is spent.
        const victim = await login("10.2.0.9", "victim@example.com")
        expect(victim.status).toBe(429)
        expect(victim.headers["retry-after"]).toMatch(/^\d+$/)
        expect((await login("10.2.0.9", "other@example.com")).status).toBe(401)
      })
    })

    describe("/store", () => {
      it("serves requests under the limit with RateLimit-Remaining going down, no X-Powered-By, no HSTS", async () => {
        const replies: Reply[] = []
        for (let i = 0; i < 3; i++) {
          replies.push(await store("10.3.0.1"))
        }
        expect(replies.map((r) => r.status)).toEqual([200, 200, 200])
        expect(replies.map(remaining)).toEqual(["4", "3", "2"])
        expect(replies[0].data.regions?.length).toBeGreaterThan(0)
        for (const reply of replies) {
          expect(reply.headers["ratelimit-limit"]).toBe("5")
          expect(Number(reply.headers["ratelimit-reset"])).toBeGreaterThanOrEqual(1)
          expect(reply.headers["retry-after"]).toBeUndefined()
          expect(reply.headers["x-powered-by"]).toBeUndefined()
          // NODE_ENV is "test": HSTS is production-only (unit-tested in src/api/__tests__).
          expect(reply.headers["strict-transport-security"]).toBeUndefined()
        }
        // The count lives in Redis, where every server process reads and writes it.
        const redis = new Redis(REDIS_URL)
        try {
          expect(await redis.get("rl:store:ip:10.3.0.1")).toBe("3")
        } finally {
          redis.disconnect()
        }
      })

      it("sends no Access-Control-Allow-Origin to an origin outside STORE_CORS", async () => {
        const evil = await store("10.7.0.1", { origin: "https://evil.example" })
        expect(evil.status).toBe(200)
        expect(evil.headers["access-control-allow-origin"]).toBeUndefined()

        const storefront = await store("10.7.0.1", { origin: "http://localhost:8000" })
        expect(storefront.headers["access-control-allow-origin"]).toBe("http://localhost:8000")
      })
    })

    describe("/admin", () => {
      it("gives a signed-in user one budget across addresses, after Medusa's authenticate", async () => {
        const bearer = { authorization: `Bearer ${adminToken}` }
        const replies: Reply[] = []
        for (const n of [1, 2, 3, 4, 5]) {
          replies.push(await call("get", "/admin/regions", { ip: `10.5.0.${n}`, headers: bearer }))
        }
        expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200, 200])
        expect(replies.map(remaining)).toEqual(["4", "3", "2", "1", "0"])

        const limited = await call("get", "/admin/regions", { ip: "10.5.0.9", headers: bearer })
        expect(limited.status).toBe(429)
        expect(limited.data.type).toBe("too_many_requests")

        // Without a token Medusa's authenticate answers first: 401, not counted.
        const anonymous = await call("get", "/admin/regions", { ip: "10.5.0.9" })
        expect(anonymous.status).toBe(401)
        expect(anonymous.headers["ratelimit-limit"]).toBeUndefined()
      })
    })

    describe("/hooks", () => {
      it("bounds webhook deliveries per address", async () => {
        const post = () => call("post", "/hooks/payment/paystack_paystack", { ip: "10.6.0.1", body: { event: "x" } })
        const statuses: number[] = []
        for (let i = 0; i < 5; i++) {
          statuses.push((await post()).status)
        }
        expect(statuses).toEqual([401, 401, 401, 401, 429])
      })
    })
  },
})
