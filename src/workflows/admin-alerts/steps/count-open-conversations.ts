import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CONCIERGE_MODULE } from "../../../modules/concierge"
import ConciergeModuleService from "../../../modules/concierge/service"

export const countOpenConversationsStepId = "count-open-conversations"

/** Concierge conversations not resolved yet, for the digest. */
export const countOpenConversationsStep = createStep(countOpenConversationsStepId, async (_: void, { container }) => {
  const concierge = container.resolve<ConciergeModuleService>(CONCIERGE_MODULE)
  return new StepResponse(await concierge.countOpenConversations())
})
