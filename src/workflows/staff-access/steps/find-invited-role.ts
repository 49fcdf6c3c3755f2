import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STAFF_ACCESS_MODULE } from "../../../modules/staff-access"
import { STAFF_ROLES, StaffRoleName } from "../../../modules/staff-access/models/staff-role"
import StaffAccessModuleService, { DEFAULT_INVITE_ROLE } from "../../../modules/staff-access/service"

export const findInvitedRoleStepId = "find-invited-role"

/**
 * The role from the user's invite (`metadata.role`, default support), or
 * nothing when the user already has a role (e.g. the first admin) or was not
 * invited (then the user acts as the least privileged role until given one).
 */
export const findInvitedRoleStep = createStep(
  findInvitedRoleStepId,
  async ({ user_id }: { user_id: string }, { container }) => {
    const staff = container.resolve<StaffAccessModuleService>(STAFF_ACCESS_MODULE)
    const [existing] = await staff.listStaffRoles({ user_id }, { take: 1 })
    if (existing) {
      return new StepResponse(null)
    }
    const users = container.resolve(Modules.USER)
    const [user] = await users.listUsers({ id: user_id }, { take: 1 })
    if (!user) {
      return new StepResponse(null)
    }
    const invites = await users.listInvites(
      { email: user.email },
      { withDeleted: true, order: { created_at: "DESC" }, take: 1 }
    )
    if (!invites.length) {
      // Not invited (e.g. made with `medusa user`): no role until an admin gives one.
      return new StepResponse(null)
    }
    const asked = invites[0].metadata?.role
    const role: StaffRoleName = STAFF_ROLES.includes(asked as StaffRoleName)
      ? (asked as StaffRoleName)
      : DEFAULT_INVITE_ROLE
    return new StepResponse({ user_id, role })
  }
)
