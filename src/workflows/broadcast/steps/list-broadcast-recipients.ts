import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BROADCAST_MODULE } from "../../../modules/broadcast"
import BroadcastModuleService from "../../../modules/broadcast/service"
import { NotificationChannel } from "../../../lib/notifications/types"
import { BroadcastAudience, recipientPages } from "../utils/audience"

export const listBroadcastRecipientsStepId = "list-broadcast-recipients"

/**
 * Writes one recipient row per audience customer, once: a run that died while
 * listing lists again from scratch (nothing was sent before the list was complete).
 */
export const listBroadcastRecipientsStep = createStep(
  listBroadcastRecipientsStepId,
  async ({ id }: { id: string }, { container }) => {
    const broadcasts = container.resolve<BroadcastModuleService>(BROADCAST_MODULE)
    const broadcast = await broadcasts.retrieveBroadcast(id)
    if (broadcast.recipients_listed_at || broadcast.status !== "sending") {
      return new StepResponse({ listed: 0 })
    }
    await broadcasts.clearRecipients(id)
    let listed = 0
    const audience = broadcast.audience as unknown as BroadcastAudience
    for await (const page of recipientPages(container, audience, broadcast.channel as NotificationChannel)) {
      await broadcasts.appendRecipients(id, page)
      listed += page.length
    }
    await broadcasts.updateBroadcasts({ id, recipients_listed_at: new Date() })
    return new StepResponse({ listed })
  }
)
