import {
  AuthenticatedMedusaRequest,
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
  MiddlewareRoute,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { STAFF_ACCESS_MODULE } from "../../modules/staff-access"
import StaffAccessModuleService from "../../modules/staff-access/service"

type Rule = { method: string; pattern: RegExp; when?: (body: unknown) => boolean; what: string }

const changesEmail = (body: unknown) => !!body && typeof body === "object" && "email" in body

/** What staff may not do while acting as a customer. */
const FORBIDDEN: Rule[] = [
  { method: "POST", pattern: /^\/store\/carts\/[^/]+\/complete\/?$/i, what: "complete a checkout" },
  { method: "POST", pattern: /^\/store\/customers\/me\/?$/i, when: changesEmail, what: "change the email" },
  { method: "POST", pattern: /^\/store\/customers\/me\/erase\/?$/i, what: "erase the account" },
  { method: "POST", pattern: /^\/store\/carts\/[^/]+\/customer\/?$/i, what: "change a cart's owner" },
  { method: "POST", pattern: /^\/store\/orders\/[^/]+\/transfer(\/.*)?$/i, what: "change an order's owner" },
]
// Patterns ignore case because Express routes do: /COMPLETE reaches /complete.

/**
 * Store requests made with an impersonation token: refuses what only the
 * customer may do, and records every request with both identities.
 */
export async function impersonationGuard(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
) {
  const impersonator = req.auth_context?.app_metadata?.impersonated_by
  if (typeof impersonator !== "string") {
    return next()
  }
  const customerId = req.auth_context.actor_id
  const path = req.originalUrl.split("?")[0]
  const staff = req.scope.resolve<StaffAccessModuleService>(STAFF_ACCESS_MODULE)
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
  res.on("finish", () => {
    logger.info(`Impersonation: user ${impersonator} as customer ${customerId}: ${req.method} ${path} ${res.statusCode}`)
    staff
      .createImpersonationRequests({
        impersonator_user_id: impersonator,
        customer_id: customerId,
        method: req.method,
        path,
        status_code: res.statusCode,
      })
      .catch((error: Error) => logger.error(`Could not record an impersonated request: ${error.message}`))
  })
  const rule = FORBIDDEN.find(
    (r) => r.method === req.method && r.pattern.test(path) && (!r.when || r.when(req.body))
  )
  if (rule) {
    return next(new MedusaError(MedusaError.Types.FORBIDDEN, `Staff acting as a customer cannot ${rule.what}`))
  }
  next()
}

/** Whether a bearer token names an impersonator; its signature is Medusa's to check. */
export function isImpersonationToken(authorization: string | undefined): boolean {
  const [scheme, token] = (authorization ?? "").split(" ")
  if (scheme?.toLowerCase() !== "bearer" || !token) {
    return false
  }
  try {
    const payload = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8"))
    return typeof payload?.app_metadata?.impersonated_by === "string"
  } catch {
    return false
  }
}

/**
 * An impersonation token is for store routes only: turning it into a cookie
 * session (`POST /auth/session`) would outlive its 15 minutes, and the other
 * auth routes manage a login it does not have.
 */
export function refuseImpersonationOnAuth(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  if (isImpersonationToken(req.headers.authorization)) {
    return next(
      new MedusaError(MedusaError.Types.FORBIDDEN, "An impersonation token cannot be used on /auth routes")
    )
  }
  next()
}

export const impersonationGuardMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store*", middlewares: [impersonationGuard] },
  { matcher: "/auth*", middlewares: [refuseImpersonationOnAuth] },
]
