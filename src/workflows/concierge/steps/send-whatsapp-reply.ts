import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OutboundOutcome } from "../../../modules/concierge/service"
import { WhatsAppTemplate } from "../../../modules/whatsapp/types"

export type SendWhatsAppReplyInput = {
  message_id: string
  conversation_id: string
  to: string
  text?: string | null
  template?: WhatsAppTemplate | null
}

export const CONCIERGE_REPLY_TEMPLATE = "concierge-reply"

/**
 * What WhatsApp said, without the notification module's wrapping ("Failed to
 * send notification with id noti_…") or the customer's number.
 */
export function whatsAppReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  const refusal = /WhatsApp refused the message to [^:]+: ([\s\S]*)$/.exec(message)
  return (refusal ? refusal[1] : message.replace(/^Failed to send notification with id \S+:\s*/, "")).trim()
}

export const sendWhatsAppReplyStepId = "send-whatsapp-reply"

/**
 * Sends the reply through the notification module's WhatsApp provider, keyed
 * by our message id so a retried run never sends it twice. A refusal is
 * returned as the outcome, not thrown: the failed reply stays in the thread.
 */
export const sendWhatsAppReplyStep = createStep(
  sendWhatsAppReplyStepId,
  async (input: SendWhatsAppReplyInput, { container }) => {
    try {
      const notification = await container.resolve(Modules.NOTIFICATION).createNotifications({
        to: input.to,
        channel: "whatsapp",
        template: CONCIERGE_REPLY_TEMPLATE,
        content: input.text ? { text: input.text } : undefined,
        data: input.template ? { whatsapp_template: input.template } : {},
        resource_id: input.conversation_id,
        resource_type: "concierge_conversation",
        idempotency_key: `concierge-reply:${input.message_id}`,
      })
      return new StepResponse<OutboundOutcome>({
        message_id: input.message_id,
        whatsapp_message_id: notification.external_id ?? null,
        error: null,
      })
    } catch (error) {
      return new StepResponse<OutboundOutcome>({
        message_id: input.message_id,
        whatsapp_message_id: null,
        error: whatsAppReason(error),
      })
    }
  }
)
