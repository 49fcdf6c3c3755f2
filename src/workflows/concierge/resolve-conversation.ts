import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateConversationStep } from "./steps/update-conversation"

export const resolveConversationWorkflowId = "resolve-concierge-conversation"

/** Closes a conversation; the customer's next WhatsApp message reopens it. */
export const resolveConversationWorkflow = createWorkflow(resolveConversationWorkflowId, (input: { id: string }) => {
  const updated = updateConversationStep(
    transform({ input }, ({ input }) => ({
      id: input.id,
      status: "resolved" as const,
      resolved_at: new Date(),
      unread_count: 0,
    }))
  )
  return new WorkflowResponse(updated)
})
