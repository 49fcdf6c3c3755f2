import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CONCIERGE_MODULE } from "../../../modules/concierge"
import ConciergeModuleService, { OpenConversationInput } from "../../../modules/concierge/service"

export const openConversationStepId = "open-conversation"

/** Opens the conversation with the customer's first message; the compensation deletes both. */
export const openConversationStep = createStep(
  openConversationStepId,
  async (input: OpenConversationInput, { container }) => {
    const concierge = container.resolve<ConciergeModuleService>(CONCIERGE_MODULE)
    const opened = await concierge.openConversation(input)
    return new StepResponse(opened, opened.id)
  },
  async (id, { container }) => {
    if (id) {
      await container.resolve<ConciergeModuleService>(CONCIERGE_MODULE).deleteConciergeConversations(id)
    }
  }
)
