import { createWorkflow, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { findInvitedRoleStep } from "./steps/find-invited-role"
import { createDefaultRoleStep } from "./steps/create-default-role"

export const assignInvitedRoleWorkflowId = "assign-invited-role"

export const assignInvitedRoleWorkflow = createWorkflow(
  assignInvitedRoleWorkflowId,
  (input: { user_id: string }) => {
    const invited = findInvitedRoleStep(input)
    when({ invited }, ({ invited }) => !!invited).then(() => {
      createDefaultRoleStep({ user_id: invited!.user_id, role: invited!.role })
    })
    return new WorkflowResponse(invited)
  }
)
