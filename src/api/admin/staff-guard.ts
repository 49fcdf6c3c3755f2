import {
  AuthenticatedMedusaRequest,
  MedusaNextFunction,
  MedusaResponse,
  MiddlewareRoute,
} from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { STAFF_ACCESS_MODULE } from "../../modules/staff-access"
import { permissionFor, roleHas } from "../../modules/staff-access/permissions"
import { StaffRoleName } from "../../modules/staff-access/models/staff-role"
import StaffAccessModuleService, { UNASSIGNED_STAFF_ROLE } from "../../modules/staff-access/service"

/** The staff role a request acts with: its user's, or its secret API key creator's. */
async function roleOf(req: AuthenticatedMedusaRequest): Promise<StaffRoleName | undefined> {
  const { actor_type, actor_id } = req.auth_context
  const staff = req.scope.resolve<StaffAccessModuleService>(STAFF_ACCESS_MODULE)
  if (actor_type === "user") {
    return staff.getRoleOf(actor_id)
  }
  if (actor_type !== "api-key") {
    return undefined
  }
  const [key] = await req.scope.resolve(Modules.API_KEY).listApiKeys({ id: actor_id }, { take: 1 })
  return key?.created_by ? staff.getRoleOf(key.created_by) : UNASSIGNED_STAFF_ROLE
}

/**
 * Runs on every /admin request after Medusa has authenticated it, and checks
 * the user's staff role against the permission table. A secret API key acts
 * with the current role of the user who created it, so demoting that user
 * also narrows their keys.
 */
export async function staffGuard(
  req: AuthenticatedMedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction
) {
  const actor = req.auth_context
  if (req.method === "OPTIONS" || !actor?.actor_id) {
    return next()
  }
  const role = await roleOf(req)
  if (!role) {
    return next()
  }
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
