import { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaResponse } from "@medusajs/framework/http"
import { createHash } from "node:crypto"
import { RateLimiterRes } from "rate-limiter-flexible"
import { env } from "../../../../config"
import { createLimiter, sharedRateLimitRedis } from "../../../rate-limit/limiters"
import { ipKey, refuseTooManyRequests } from "../../../rate-limit/middleware"
import { PostStoreEscalationType } from "./validators"

const HOUR_SECONDS = 3600

const perPhone = createLimiter({
  name: "escalation:phone",
  points: env.CONCIERGE_ESCALATIONS_PER_PHONE_PER_HOUR,
  duration: HOUR_SECONDS,
  redis: sharedRateLimitRedis(),
})
const perIp = createLimiter({
  name: "escalation:ip",
  points: env.CONCIERGE_ESCALATIONS_PER_IP_PER_HOUR,
  duration: HOUR_SECONDS,
  redis: sharedRateLimitRedis(),
})

/**
 * Escalations page a person, so each phone number and each client address
 * gets a small hourly budget (after validation, so the phone is in E.164 and
 * one number counts once however it is typed). Keys hold a hash, not the number.
 */
export async function limitEscalations(
  req: AuthenticatedMedusaRequest<PostStoreEscalationType>,
  res: MedusaResponse,
  next: MedusaNextFunction
) {
  const phone = createHash("sha256").update(req.validatedBody.phone).digest("hex").slice(0, 32)
  const outcomes = await Promise.allSettled([perIp.consume(ipKey(req) ?? "ip:unknown"), perPhone.consume(phone)])
  const rejected = outcomes.flatMap((outcome) =>
    outcome.status === "rejected" && outcome.reason instanceof RateLimiterRes ? [outcome.reason] : []
  )
  if (!rejected.length) {
    return next()
  }
  refuseTooManyRequests(
    res,
    rejected.reduce((longest, r) => (r.msBeforeNext > longest.msBeforeNext ? r : longest))
  )
}
