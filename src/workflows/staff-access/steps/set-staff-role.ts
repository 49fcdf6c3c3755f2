import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STAFF_ACCESS_MODULE } from "../../../modules/staff-access"
import { StaffRoleName } from "../../../modules/staff-access/models/staff-role"
import StaffAccessModuleService from "../../../modules/staff-access/service"

export type SetStaffRoleStepInput = { user_id: string; role: StaffRoleName }

type Previous = { user_id: string; id?: string; role?: StaffRoleName }

export const setStaffRoleStepId = "set-staff-role"

export const setStaffRoleStep = createStep(
  setStaffRoleStepId,
  async ({ user_id, role }: SetStaffRoleStepInput, { container }) => {
    const staff = container.resolve<StaffAccessModuleService>(STAFF_ACCESS_MODULE)
    const [existing] = await staff.listStaffRoles({ user_id }, { take: 1 })
    const saved = existing
      ? await staff.updateStaffRoles({ id: existing.id, role })
      : await staff.createStaffRoles({ user_id, role }).catch(async (error) => {
          // Created meanwhile (the invited-role subscriber): this explicit role wins.
          const [created] = await staff.listStaffRoles({ user_id }, { take: 1 })
          if (!created) {
            throw error
          }
          return staff.updateStaffRoles({ id: created.id, role })
        })
    const previous: Previous = { user_id, id: existing?.id, role: existing?.role as StaffRoleName }
    return new StepResponse(saved, previous)
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const staff = container.resolve<StaffAccessModuleService>(STAFF_ACCESS_MODULE)
    if (previous.id && previous.role) {
      await staff.updateStaffRoles({ id: previous.id, role: previous.role })
      return
    }
    const created = await staff.listStaffRoles({ user_id: previous.user_id })
    await staff.deleteStaffRoles(created.map((r) => r.id))
  }
)
