import {
  AuthenticatedMedusaRequest,
  MedusaNextFunction,
  MedusaResponse,
  MiddlewareRoute,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { STAFF_ACCESS_MODULE } from "../../modules/staff-access"
import { permissionFor, roleHas } from "../../modules/staff-access/permissions"
import StaffAccessModuleService from "../../modules/staff-access/service"

/**
 * Runs on every /admin request after Medusa has authenticated it, and checks
 * the user's staff role against the permission table. Secret API keys act
 * for the admin who created them and are not restricted here.
 */
export async function staffGuard(
  req: AuthenticatedMedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction
) {
  const actor = req.auth_context
  if (req.method === "OPTIONS" || actor?.actor_type !== "user" || !actor.actor_id) {
    return next()
  }
  const staff = req.scope.resolve<StaffAccessModuleService>(STAFF_ACCESS_MODULE)
  const role = await staff.getRoleOf(actor.actor_id)
  const path = req.originalUrl.split("?")[0]
  const permission = permissionFor(req.method, path, req.body)
  if (roleHas(role, permission)) {
    return next()
  }
  next(
    new MedusaError(
      MedusaError.Types.FORBIDDEN,
      `The ${role} role lacks the "${permission}" permission needed for ${req.method} ${path}`
    )
  )
}

export const staffGuardMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin*", middlewares: [staffGuard] },
]
