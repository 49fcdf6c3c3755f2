import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CONCIERGE_MODULE } from "../../../modules/concierge"
import { ConversationStatus } from "../../../modules/concierge/models/conversation"
import ConciergeModuleService from "../../../modules/concierge/service"

export type ConversationChanges = {
  id: string
  status?: ConversationStatus
  assignee_id?: string | null
  resolved_at?: Date | null
  unread_count?: number
}

export const updateConversationStepId = "update-conversation"

/** Changes a conversation's status, assignee or unread count; the compensation puts the old values back. */
export const updateConversationStep = createStep(
  updateConversationStepId,
  async ({ id, ...changes }: ConversationChanges, { container }) => {
    const concierge = container.resolve<ConciergeModuleService>(CONCIERGE_MODULE)
    const before = await concierge.retrieveConciergeConversation(id)
    const previous = Object.fromEntries(
      Object.keys(changes).map((field) => [field, before[field as keyof typeof before]])
    ) as Omit<ConversationChanges, "id">
    const updated = await concierge.updateConciergeConversations({ id, ...changes })
    return new StepResponse(updated, { id, ...previous })
  },
  async (previous, { container }) => {
    if (previous) {
      await container.resolve<ConciergeModuleService>(CONCIERGE_MODULE).updateConciergeConversations(previous)
    }
  }
)
