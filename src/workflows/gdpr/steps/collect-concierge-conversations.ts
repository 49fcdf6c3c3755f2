import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { phoneSpellings, toE164 } from "../../../lib/phone"
import { CONCIERGE_MODULE } from "../../../modules/concierge"
import ConciergeModuleService from "../../../modules/concierge/service"
import { byThreadOrder } from "../../../modules/concierge/thread-order"

export type CollectConciergeInput = { customer_id: string; phone: string | null }

export const collectConciergeConversationsStepId = "collect-concierge-conversations"

/** Conversations linked to the customer or held with their phone number, each with its messages in order. */
export const collectConciergeConversationsStep = createStep(
  collectConciergeConversationsStepId,
  async ({ customer_id, phone }: CollectConciergeInput, { container }) => {
    const concierge = container.resolve<ConciergeModuleService>(CONCIERGE_MODULE)
    const e164 = phone ? toE164(phone) : null
    const conversations = await concierge.listConciergeConversations(
      { $or: [{ customer_id }, ...(e164 ? [{ customer_phone: phoneSpellings(e164) }] : [])] },
      { relations: ["messages"], order: { created_at: "ASC" }, take: null }
    )
    return new StepResponse(
      conversations.map(({ messages, ...conversation }) => ({
        id: conversation.id,
        reference: conversation.reference,
        customer_phone: conversation.customer_phone,
        profile_name: conversation.profile_name,
        topic: conversation.topic,
        cart_id: conversation.cart_id,
        order_id: conversation.order_id,
        status: conversation.status,
        created_at: conversation.created_at,
        resolved_at: conversation.resolved_at,
        messages: [...messages]
          .sort(byThreadOrder)
          .map((message) => ({
            direction: message.direction,
            channel: message.channel,
            type: message.type,
            text: message.text,
            media_id: message.media_id,
            media_mime_type: message.media_mime_type,
            media_filename: message.media_filename,
            template: message.template,
            status: message.status,
            sent_at: message.sent_at,
          })),
      }))
    )
  }
)
