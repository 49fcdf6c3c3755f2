import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { checkReplyWindowStep } from "./steps/check-reply-window"
import { completeOutboundMessageStep } from "./steps/complete-outbound-message"
import { queueOutboundMessageStep } from "./steps/queue-outbound-message"
import { sendWhatsAppReplyStep } from "./steps/send-whatsapp-reply"

export type SendReplyWorkflowInput = {
  conversation_id: string
  author_id: string
} & (
  | { text: string; template?: undefined }
  | { text?: undefined; template: { name: string; language: string; variables: string[] } }
)

export const sendReplyWorkflowId = "send-concierge-reply"

/**
 * A staff reply on WhatsApp: free text inside the customer's 24-hour window,
 * an approved template at any time. The reply is stored before it is sent and
 * marked sent or failed after; WhatsApp's status updates take it further.
 */
export const sendReplyWorkflow = createWorkflow(sendReplyWorkflowId, (input: SendReplyWorkflowInput) => {
  const target = checkReplyWindowStep(
    transform({ input }, ({ input }) => ({
      conversation_id: input.conversation_id,
      kind: input.template ? ("template" as const) : ("text" as const),
    }))
  )
  const messageId = queueOutboundMessageStep(
    transform({ input }, ({ input }) => ({
      conversation_id: input.conversation_id,
      author_id: input.author_id,
      type: input.template ? ("template" as const) : ("text" as const),
      text: input.text ?? null,
      template: input.template ?? null,
    }))
  )
  const outcome = sendWhatsAppReplyStep(
    transform({ input, target, messageId }, ({ input, target, messageId }) => ({
      message_id: messageId,
      conversation_id: input.conversation_id,
      to: target.to,
      text: input.text ?? null,
      template: input.template
        ? {
            name: input.template.name,
            language: input.template.language,
            components: input.template.variables.length
              ? [
                  {
                    type: "body" as const,
                    parameters: input.template.variables.map((text) => ({ type: "text", text })),
                  },
                ]
              : undefined,
          }
        : null,
    }))
  )
  const message = completeOutboundMessageStep(outcome)
  return new WorkflowResponse(message)
})
