import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CONCIERGE_MODULE } from "../../../modules/concierge"
import ConciergeModuleService from "../../../modules/concierge/service"

/** WhatsApp's customer service window: free text only within 24 hours of the customer's last message. */
export const REPLY_WINDOW_MS = 24 * 60 * 60 * 1000

export type CheckReplyWindowInput = { conversation_id: string; kind: "text" | "template" }

export const checkReplyWindowStepId = "check-reply-window"

/**
 * Finds where a reply goes (the number the customer writes from) and refuses
 * free text outside the 24-hour window with 409: WhatsApp would reject it
 * (error 131047), and only an approved template may be sent then.
 */
export const checkReplyWindowStep = createStep(
  checkReplyWindowStepId,
  async ({ conversation_id, kind }: CheckReplyWindowInput, { container }) => {
    const concierge = container.resolve<ConciergeModuleService>(CONCIERGE_MODULE)
    const conversation = await concierge.retrieveConciergeConversation(conversation_id)
    const lastInbound = conversation.last_inbound_at ? new Date(conversation.last_inbound_at).getTime() : null
    if (kind === "text" && (lastInbound === null || Date.now() - lastInbound > REPLY_WINDOW_MS)) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        lastInbound === null
          ? "The customer has not written on WhatsApp yet, so a free-text reply is not allowed: send an approved template ({ template, variables })."
          : `The customer's last WhatsApp message was more than 24 hours ago (${new Date(lastInbound).toISOString()}): WhatsApp only allows an approved template now ({ template, variables }).`
      )
    }
    return new StepResponse({ to: `+${conversation.whatsapp_id ?? conversation.customer_phone.replace(/^\+/, "")}` })
  }
)
