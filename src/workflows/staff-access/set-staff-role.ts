import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { StaffRoleName } from "../../modules/staff-access/models/staff-role"
import { setStaffRoleStep } from "./steps/set-staff-role"
import { validateRoleChangeStep } from "./steps/validate-role-change"

export type SetStaffRoleWorkflowInput = { user_id: string; role: StaffRoleName }

export const setStaffRoleWorkflowId = "set-staff-role"

const LOCK_KEY = "staff-roles"

/** Changes a user's role; serialized so two demotions cannot remove the last admin. */
export const setStaffRoleWorkflow = createWorkflow(
  setStaffRoleWorkflowId,
  (input: SetStaffRoleWorkflowInput) => {
    acquireLockStep({ key: LOCK_KEY, timeout: 10, ttl: 30 })
    validateRoleChangeStep(input)
    const role = setStaffRoleStep(input)
    releaseLockStep({ key: LOCK_KEY })
    return new WorkflowResponse(role)
  }
)
