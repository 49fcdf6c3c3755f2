import { logger } from "@medusajs/framework/logger"
import type { AuthContext, MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createHash } from "node:crypto"
import { isIPv6 } from "node:net"
import { RateLimiterRes } from "rate-limiter-flexible"
import { recordRateLimitRejection } from "../../lib/observability/metrics"
import { RateLimiters, RateLimitScope } from "./limiters"

/**
 * The parts of a request the limiter reads; Medusa sets `auth_context` in its
 * authenticate middleware. Any Express request fits, as in the tests.
 */
export type RateLimitedRequest = Pick<MedusaRequest, "ip" | "method" | "body"> & {
  auth_context?: Pick<AuthContext, "actor_id">
}

/** Names the bucket a request counts against, or undefined when it has none of that kind. */
type RateLimitKey = (req: RateLimitedRequest) => string | undefined

/**
 * An IPv6 address's /64 network, e.g. `2001:db8:0:1::/64`: one host usually
 * holds a whole /64, so counting single addresses would give it 2^64 budgets.
 */
function ipv6Network(ip: string): string {
  const [head, tail] = ip.split("::")
  const groups = head ? head.split(":") : []
  if (tail !== undefined) {
    // `::` stands for the zero groups between head and tail; a dotted IPv4 tail counts as two.
    const tailGroups = tail ? tail.split(":") : []
    const gap = 8 - groups.length - tailGroups.length - (tail.includes(".") ? 1 : 0)
    groups.push(...Array<string>(gap).fill("0"), ...tailGroups)
  }
  return `${groups
    .slice(0, 4)
    .map((group) => parseInt(group, 16).toString(16))
    .join(":")}::/64`
}

/**
 * The client address as Express resolves it (honours `trust proxy`, which
 * Medusa sets to 1 hop); an IPv6 client by its /64, an IPv4-mapped one as IPv4.
 */
export const ipKey: RateLimitKey = ({ ip = "unknown" }) => {
  if (!isIPv6(ip)) {
    return `ip:${ip}`
  }
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)
  return `ip:${mapped ? mapped[1] : ipv6Network(ip)}`
}

/** The signed-in user, customer or secret API key, once Medusa has authenticated the request. */
const actorKey: RateLimitKey = (req) =>
  req.auth_context?.actor_id ? `actor:${req.auth_context.actor_id}` : undefined

/**
 * The account a POST to `/auth/*` is about (`email`, or `identifier` for a
 * password reset), lowercased and hashed so no address is stored in Redis.
 */
const emailKey: RateLimitKey = (req) => {
  if (req.method !== "POST" || !req.body || typeof req.body !== "object") {
    return undefined
  }
  const body = req.body as Record<string, unknown>
  const email = typeof body.email === "string" ? body.email : body.identifier
  if (typeof email !== "string" || !email.trim()) {
    return undefined
  }
  const digest = createHash("sha256").update(email.trim().toLowerCase()).digest("hex")
  return `email:${digest.slice(0, 32)}`
}

/** Which buckets each scope counts a request against; every one of them must have room. */
const RATE_LIMIT_KEYS: Record<RateLimitScope, RateLimitKey[]> = {
  auth: [ipKey, emailKey],
  store: [ipKey, actorKey],
  admin: [ipKey, actorKey],
  hooks: [ipKey],
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000))

let failureLogged = false

/**
 * Counts the request against its scope's buckets and sets `RateLimit-Limit`,
 * `RateLimit-Remaining` and `RateLimit-Reset` (IETF draft names) from the
 * tightest bucket. Over the limit: `429 { type, message }` with `Retry-After`.
 * A limiter error (no Redis and no fallback) lets the request through
 * unless another bucket is over its limit.
 */
export function rateLimit(scope: RateLimitScope, limiters: RateLimiters) {
  const limiter = limiters[scope]
  const keysOf = RATE_LIMIT_KEYS[scope]
  return async function rateLimitMiddleware(
    req: RateLimitedRequest,
    res: MedusaResponse,
    next: MedusaNextFunction
  ) {
    const keys = keysOf.map((key) => key(req)).filter((key): key is string => !!key)
    const outcomes = await Promise.allSettled(keys.map((key) => limiter.consume(key)))
    let tightest: RateLimiterRes | undefined
    let rejected: RateLimiterRes | undefined
    let failure: unknown
    for (const outcome of outcomes) {
      if (outcome.status === "fulfilled") {
        if (!tightest || outcome.value.remainingPoints < tightest.remainingPoints) {
          tightest = outcome.value
        }
      } else if (outcome.reason instanceof RateLimiterRes) {
        if (!rejected || outcome.reason.msBeforeNext > rejected.msBeforeNext) {
          rejected = outcome.reason
        }
      } else {
        failure = outcome.reason
      }
    }
    if (failure && !rejected) {
      if (!failureLogged) {
        failureLogged = true
        logger.warn(`Rate limits: limiter failed, letting requests through (${String(failure)})`)
      }
      return next()
    }

    const shown = rejected ?? tightest
    if (shown) {
      res.setHeader("RateLimit-Limit", String(limiter.points))
      res.setHeader("RateLimit-Remaining", String(shown.remainingPoints))
      res.setHeader("RateLimit-Reset", String(seconds(shown.msBeforeNext)))
    }
    if (!rejected) {
      return next()
    }
    refuseTooManyRequests(res, rejected)
  }
}

/** `429 { type, message }` with `Retry-After`, for a request over one of its limits. */
export function refuseTooManyRequests(res: MedusaResponse, rejected: RateLimiterRes) {
  const retryAfter = seconds(rejected.msBeforeNext)
  recordRateLimitRejection(res.req)
  res.setHeader("Retry-After", String(retryAfter))
  res.status(429).json({
    type: "too_many_requests",
    message: `Too many requests. Retry in ${retryAfter} seconds.`,
  })
}
