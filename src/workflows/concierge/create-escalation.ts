import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CONVERSATION_OPENED } from "./events"
import { openConversationStep } from "./steps/open-conversation"
import { resolveEscalationLinksStep } from "./steps/resolve-escalation-links"

export type CreateEscalationWorkflowInput = {
  /** E.164. */
  phone: string
  message: string
  topic?: string | null
  cart_id?: string | null
  order_id?: string | null
  /** The signed-in customer, if any. */
  customer_id?: string | null
}

export const createEscalationWorkflowId = "create-concierge-escalation"

/**
 * A customer asks for a person from the storefront: the cart and order they
 * name are checked, a conversation with a reference is opened, and the
 * concierge staff are alerted (by the `concierge_conversation.opened` subscriber).
 */
export const createEscalationWorkflow = createWorkflow(
  createEscalationWorkflowId,
  (input: CreateEscalationWorkflowInput) => {
    const links = resolveEscalationLinksStep(input)
    const conversation = openConversationStep(
      transform({ input, links }, ({ input, links }) => ({
        customer_phone: input.phone,
        message: input.message,
        topic: input.topic ?? null,
        ...links,
      }))
    )
    emitEventStep({
      eventName: CONVERSATION_OPENED,
      data: transform({ conversation }, ({ conversation }) => ({ id: conversation.id })),
    })
    return new WorkflowResponse(conversation)
  }
)
