import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { STAFF_ACCESS_MODULE } from "../../../modules/staff-access"
import StaffAccessModuleService, { UNASSIGNED_STAFF_ROLE } from "../../../modules/staff-access/service"
import { GetAdminStaffParamsType } from "./validators"

/** Admin users with their staff role (concierge, the least privileged, when none was set). */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, GetAdminStaffParamsType>,
  res: MedusaResponse
) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const staff = req.scope.resolve<StaffAccessModuleService>(STAFF_ACCESS_MODULE)
  const { role, ...filters } = req.filterableFields
  const roles = await staff.listStaffRoles({})
  const roleOf = new Map(roles.map((r) => [r.user_id, r.role]))
  const idFilter = role
    ? role === UNASSIGNED_STAFF_ROLE
      ? { id: { $nin: roles.filter((r) => r.role !== role).map((r) => r.user_id) } }
      : { id: roles.filter((r) => r.role === role).map((r) => r.user_id) }
    : {}
  const { data: users, metadata } = await query.graph({
    entity: "user",
    fields: req.queryConfig.fields,
    filters: { ...filters, ...idFilter },
    pagination: req.queryConfig.pagination,
  })
  res.json({
    staff: users.map((user) => ({ ...user, role: roleOf.get(user.id) ?? UNASSIGNED_STAFF_ROLE })),
    count: metadata?.count ?? users.length,
    offset: metadata?.skip ?? 0,
    limit: metadata?.take ?? users.length,
  })
}
