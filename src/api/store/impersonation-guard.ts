import {
  AuthenticatedMedusaRequest,
  MedusaNextFunction,
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
  { method: "POST", pattern: /^\/store\/carts\/[^/]+\/complete\/?$/, what: "complete a checkout" },
  { method: "POST", pattern: /^\/store\/customers\/me\/?$/, when: changesEmail, what: "change the email" },
  { method: "POST", pattern: /^\/store\/customers\/me\/erase\/?$/, what: "erase the account" },
  { method: "POST", pattern: /^\/store\/carts\/[^/]+\/customer\/?$/, what: "change a cart's owner" },
  { method: "POST", pattern: /^\/store\/orders\/[^/]+\/transfer(\/.*)?$/, what: "change an order's owner" },
]

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

export const impersonationGuardMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store*", middlewares: [impersonationGuard] },
]
