import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateConversationStep } from "./steps/update-conversation"

export const markConversationReadWorkflowId = "mark-concierge-conversation-read"

/** Staff have seen the customer's messages: the conversation is no longer unread. */
export const markConversationReadWorkflow = createWorkflow(markConversationReadWorkflowId, (input: { id: string }) => {
  const updated = updateConversationStep(transform({ input }, ({ input }) => ({ id: input.id, unread_count: 0 })))
  return new WorkflowResponse(updated)
})
