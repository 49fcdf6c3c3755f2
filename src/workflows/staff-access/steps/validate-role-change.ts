import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STAFF_ACCESS_MODULE } from "../../../modules/staff-access"
import { StaffRoleName } from "../../../modules/staff-access/models/staff-role"
import StaffAccessModuleService from "../../../modules/staff-access/service"

export type ValidateRoleChangeStepInput = { user_id: string; role: StaffRoleName }

export const validateRoleChangeStepId = "validate-role-change"

/** The user must exist, and the store must keep at least one admin. */
export const validateRoleChangeStep = createStep(
  validateRoleChangeStepId,
  async ({ user_id, role }: ValidateRoleChangeStepInput, { container }) => {
    const users = container.resolve(Modules.USER)
    const [user] = await users.listUsers({ id: user_id }, { take: 1 })
    if (!user) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `User ${user_id} was not found`)
    }
    const staff = container.resolve<StaffAccessModuleService>(STAFF_ACCESS_MODULE)
    if (role !== "admin" && (await staff.getRoleOf(user_id)) === "admin") {
      const admins = await staff.listStaffRoles({ role: "admin" })
      const existing = await users.listUsers({ id: admins.map((a) => a.user_id) })
      if (existing.filter((u) => u.id !== user_id).length === 0) {
        throw new MedusaError(
          MedusaError.Types.CONFLICT,
          "The last admin cannot be demoted: make another user admin first"
        )
      }
    }
    return new StepResponse(void 0)
  }
)
