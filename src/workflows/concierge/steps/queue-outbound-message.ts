import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CONCIERGE_MODULE } from "../../../modules/concierge"
import ConciergeModuleService, { OutboundMessage } from "../../../modules/concierge/service"

export const queueOutboundMessageStepId = "queue-outbound-message"

/** Stores the reply as `queued` before it is sent; the compensation removes it. */
export const queueOutboundMessageStep = createStep(
  queueOutboundMessageStepId,
  async (message: OutboundMessage, { container }) => {
    const id = await container.resolve<ConciergeModuleService>(CONCIERGE_MODULE).queueOutbound(message)
    return new StepResponse(id, id)
  },
  async (id, { container }) => {
    if (id) {
      await container.resolve<ConciergeModuleService>(CONCIERGE_MODULE).deleteConciergeMessages(id)
    }
  }
)
