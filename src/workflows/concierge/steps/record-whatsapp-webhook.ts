import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { readWhatsAppWebhook } from "../../../lib/concierge/whatsapp-webhook"
import { CONCIERGE_MODULE } from "../../../modules/concierge"
import ConciergeModuleService from "../../../modules/concierge/service"

export type RecordedWebhook = {
  /** Conversations the delivery opened. */
  opened_conversation_ids: string[]
  stored_messages: number
  duplicate_messages: number
  updated_statuses: number
}

export const recordWhatsAppWebhookStepId = "record-whatsapp-webhook"

/**
 * Stores a delivery's inbound messages (once per WhatsApp id) and applies its
 * status updates. Both are idempotent, so a redelivery or a retried run
 * changes nothing more: there is nothing to compensate.
 */
export const recordWhatsAppWebhookStep = createStep(
  recordWhatsAppWebhookStepId,
  async ({ payload }: { payload: unknown }, { container }) => {
    const concierge = container.resolve<ConciergeModuleService>(CONCIERGE_MODULE)
    const { messages, statuses } = readWhatsAppWebhook(payload)
    const outcomes = await concierge.recordInboundMessages(messages)
    const updated = statuses.length ? await concierge.applyStatusUpdates(statuses) : 0
    return new StepResponse<RecordedWebhook>({
      opened_conversation_ids: outcomes.filter((o) => o.conversation_created).map((o) => o.conversation_id),
      stored_messages: outcomes.filter((o) => !o.duplicate).length,
      duplicate_messages: outcomes.filter((o) => o.duplicate).length,
      updated_statuses: updated,
    })
  }
)
