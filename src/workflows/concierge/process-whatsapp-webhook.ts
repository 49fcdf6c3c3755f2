import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CONVERSATION_OPENED } from "./events"
import { linkConversationCustomersStep } from "./steps/link-conversation-customers"
import { recordWhatsAppWebhookStep } from "./steps/record-whatsapp-webhook"

export type ProcessWhatsAppWebhookWorkflowInput = { payload: unknown }

export const processWhatsAppWebhookWorkflowId = "process-whatsapp-webhook"

/**
 * Runs in the worker for each signed webhook delivery: customer messages join
 * their conversation (or open one, which alerts the staff) and WhatsApp's
 * status updates reach our replies.
 */
export const processWhatsAppWebhookWorkflow = createWorkflow(
  processWhatsAppWebhookWorkflowId,
  (input: ProcessWhatsAppWebhookWorkflowInput) => {
    const recorded = recordWhatsAppWebhookStep(input)
    const opened = transform({ recorded }, ({ recorded }) => recorded.opened_conversation_ids)
    linkConversationCustomersStep(opened)
    emitEventStep({
      eventName: CONVERSATION_OPENED,
      data: transform({ opened }, ({ opened }) => opened.map((id) => ({ id }))),
    })
    return new WorkflowResponse(recorded)
  }
)
