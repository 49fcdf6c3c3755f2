import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CONCIERGE_MODULE } from "../../../modules/concierge"
import ConciergeModuleService, { OutboundOutcome } from "../../../modules/concierge/service"

export const completeOutboundMessageStepId = "complete-outbound-message"

/** Marks the reply sent (with WhatsApp's id) or failed, and updates the conversation for a sent one. */
export const completeOutboundMessageStep = createStep(
  completeOutboundMessageStepId,
  async (outcome: OutboundOutcome, { container }) => {
    const concierge = container.resolve<ConciergeModuleService>(CONCIERGE_MODULE)
    await concierge.completeOutbound(outcome)
    return new StepResponse(await concierge.retrieveConciergeMessage(outcome.message_id))
  }
)
