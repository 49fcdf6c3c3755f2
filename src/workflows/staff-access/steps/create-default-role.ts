import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STAFF_ACCESS_MODULE } from "../../../modules/staff-access"
import { StaffRoleName } from "../../../modules/staff-access/models/staff-role"
import StaffAccessModuleService from "../../../modules/staff-access/service"

export const createDefaultRoleStepId = "create-default-role"

/** Gives a user a role only if none was set meanwhile (an explicit role always wins). */
export const createDefaultRoleStep = createStep(
  createDefaultRoleStepId,
  async ({ user_id, role }: { user_id: string; role: StaffRoleName }, { container }) => {
    const staff = container.resolve<StaffAccessModuleService>(STAFF_ACCESS_MODULE)
    const created = await staff.createStaffRoles({ user_id, role }).catch(() => null)
    return new StepResponse(created, created?.id)
  },
  async (id, { container }) => {
    if (id) {
      await container.resolve<StaffAccessModuleService>(STAFF_ACCESS_MODULE).deleteStaffRoles(id)
    }
  }
)
