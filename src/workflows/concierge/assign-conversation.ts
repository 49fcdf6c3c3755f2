import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateConversationStep } from "./steps/update-conversation"
import { validateAssigneeStep } from "./steps/validate-assignee"

export type AssignConversationWorkflowInput = { id: string; user_id: string | null }

export const assignConversationWorkflowId = "assign-concierge-conversation"

/** Hands a conversation to a staff user, or (`user_id: null`) back to the team. */
export const assignConversationWorkflow = createWorkflow(
  assignConversationWorkflowId,
  (input: AssignConversationWorkflowInput) => {
    const assignee = validateAssigneeStep(input)
    const updated = updateConversationStep(
      transform({ input, assignee }, ({ input, assignee }) => ({ id: input.id, assignee_id: assignee }))
    )
    return new WorkflowResponse(updated)
  }
)
