import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { phoneSpellings, toE164 } from "../../../lib/phone"
import { CONCIERGE_MODULE } from "../../../modules/concierge"
import ConciergeModuleService from "../../../modules/concierge/service"
import { ERASED_VALUE, ErasureSubject } from "../utils/erasure"

type ConversationSnapshot = { id: string; customer_phone: string; whatsapp_id: string | null; profile_name: string | null }
type MessageSnapshot = {
  id: string
  text: string | null
  media_id: string | null
  media_filename: string | null
  template: Record<string, unknown> | null
}

export const eraseConciergeConversationsStepId = "erase-concierge-conversations"

/**
 * Conversations with the customer keep their reference, links, status and
 * dates (the inbox history and SLA figures stay right), but the phone number,
 * WhatsApp id and profile name are removed, and every message's text, media
 * and template variables are erased: a chat can hold anything personal.
 */
export const eraseConciergeConversationsStep = createStep(
  eraseConciergeConversationsStepId,
  async (subject: ErasureSubject, { container }) => {
    const concierge = container.resolve<ConciergeModuleService>(CONCIERGE_MODULE)
    const phones = subject.identifiers
      .map(toE164)
      .filter((phone): phone is string => !!phone)
      .flatMap(phoneSpellings)
    const conversations = await concierge.listConciergeConversations(
      { $or: [{ customer_id: subject.customer_id }, ...(phones.length ? [{ customer_phone: phones }] : [])] },
      { relations: ["messages"], take: null }
    )
    const previousConversations: ConversationSnapshot[] = []
    const previousMessages: MessageSnapshot[] = []
    for (const conversation of conversations) {
      if (conversation.customer_phone !== ERASED_VALUE) {
        previousConversations.push({
          id: conversation.id,
          customer_phone: conversation.customer_phone,
          whatsapp_id: conversation.whatsapp_id,
          profile_name: conversation.profile_name,
        })
      }
      for (const message of conversation.messages) {
        if (message.text !== ERASED_VALUE || message.media_id || message.template) {
          previousMessages.push({
            id: message.id,
            text: message.text,
            media_id: message.media_id,
            media_filename: message.media_filename,
            template: message.template,
          })
        }
      }
    }
    if (previousConversations.length) {
      await concierge.updateConciergeConversations(
        previousConversations.map(({ id }) => ({ id, customer_phone: ERASED_VALUE, whatsapp_id: null, profile_name: null }))
      )
    }
    if (previousMessages.length) {
      await concierge.updateConciergeMessages(
        previousMessages.map(({ id, template }) => ({
          id,
          text: ERASED_VALUE,
          media_id: null,
          media_filename: null,
          // The template's name and language stay (what kind of message it was); its variables go.
          template: template ? { ...template, variables: [] } : null,
        }))
      )
    }
    return new StepResponse(previousConversations.length, { previousConversations, previousMessages })
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const concierge = container.resolve<ConciergeModuleService>(CONCIERGE_MODULE)
    if (previous.previousConversations.length) {
      await concierge.updateConciergeConversations(previous.previousConversations)
    }
    if (previous.previousMessages.length) {
      await concierge.updateConciergeMessages(previous.previousMessages)
    }
  }
)
