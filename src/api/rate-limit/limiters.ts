import { logger } from "@medusajs/framework/logger"
import Redis from "ioredis"
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from "rate-limiter-flexible"
import { env } from "../../config"

/** The four families of routes, each with its own budget per minute. */
export type RateLimitScope = "auth" | "store" | "admin" | "hooks"

export type RateLimits = Record<RateLimitScope, number>
export type RateLimiters = Record<RateLimitScope, RateLimiterAbstract>

/** Redis keys are `rl:<scope>:<ip|actor|email>:<value>`, e.g. `rl:auth:ip:203.0.113.7`. */
const RATE_LIMIT_KEY_PREFIX = "rl"
const RATE_LIMIT_WINDOW_SECONDS = 60

const rateLimitsFromEnv = (): RateLimits => ({
  auth: env.RATE_LIMIT_AUTH_PER_MINUTE,
  store: env.RATE_LIMIT_STORE_PER_MINUTE,
  admin: env.RATE_LIMIT_ADMIN_PER_MINUTE,
  hooks: env.RATE_LIMIT_HOOKS_PER_MINUTE,
})

/**
 * A Redis client for the limiters that never makes a request wait for Redis:
 * no offline queue (a command while disconnected fails at once and the
 * limiter falls back to memory) and a short command timeout. Logs once when
 * Redis goes away and once when it is back.
 */
export function createRateLimitRedis(url: string): Redis {
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: 250,
    connectionName: "rate-limit",
    enableAutoPipelining: true,
  })
  let down = false
  client.on("error", (error: Error) => {
    if (!down) {
      down = true
      logger.warn(`Rate limits: Redis unavailable (${error.message}); limiting per process until it is back`)
    }
  })
  client.on("ready", () => {
    if (down) {
      down = false
      logger.info("Rate limits: Redis is back; limits are shared again")
    }
  })
  return client
}

/**
 * One limiter per scope, over a 60-second window. With a Redis client the
 * counters are shared by every server process (`RateLimiterRedis`); when
 * Redis is unreachable each call falls back to an in-process memory limiter
 * with the same budget (`insuranceLimiter`), so requests are never failed
 * because of Redis. Without a client the memory limiter is the limiter.
 */
export function createRateLimiters({
  limits = rateLimitsFromEnv(),
  redis,
}: { limits?: RateLimits; redis?: Redis } = {}): RateLimiters {
  const build = (scope: RateLimitScope): RateLimiterAbstract =>
    createLimiter({ name: scope, points: limits[scope], duration: RATE_LIMIT_WINDOW_SECONDS, redis })
  return {
    auth: build("auth"),
    store: build("store"),
    admin: build("admin"),
    hooks: build("hooks"),
  }
}

/**
 * One limiter of `points` per `duration` seconds under `rl:<name>`: shared
 * through Redis when there is a client, with an in-process fallback of the
 * same budget while Redis is unreachable.
 */
export function createLimiter({
  name,
  points,
  duration,
  redis,
}: {
  name: string
  points: number
  duration: number
  redis?: Redis
}): RateLimiterAbstract {
  const options = { keyPrefix: `${RATE_LIMIT_KEY_PREFIX}:${name}`, points, duration }
  const memory = new RateLimiterMemory(options)
  if (!redis) {
    return memory
  }
  return new RateLimiterRedis({
    ...options,
    storeClient: redis,
    rejectIfRedisNotReady: true,
    insuranceLimiter: memory,
  })
}

let sharedRedis: Redis | undefined

/** The app's one Redis client for limiters, or undefined without REDIS_URL. */
export function sharedRateLimitRedis(): Redis | undefined {
  if (env.REDIS_URL) {
    sharedRedis ??= createRateLimitRedis(env.REDIS_URL)
  }
  return sharedRedis
}

let shared: RateLimiters | undefined

/**
 * The limiters the app's middlewares use, built once from the environment.
 * Called when Medusa loads the middlewares, so Redis is connected before the
 * first request (a request before that is counted in memory).
 */
export function sharedRateLimiters(): RateLimiters {
  shared ??= createRateLimiters({ redis: sharedRateLimitRedis() })
  return shared
}
