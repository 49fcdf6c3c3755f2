import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BROADCAST_MODULE } from "../../../modules/broadcast"
import { RecipientStatus } from "../../../modules/broadcast/models/broadcast-recipient"
import BroadcastModuleService from "../../../modules/broadcast/service"
import { ERASED_VALUE, ErasureSubject } from "../utils/erasure"
import { redactionChanges, redactJson } from "../utils/redact"

type RecipientUpdate = {
  id: string
  address: string
  status: RecipientStatus
  last_error: string | null
}

/** Why a recipient that was still waiting is not sent to. */
export const ERASED_RECIPIENT_ERROR = "customer erased"

export const eraseBroadcastRecipientsStepId = "erase-broadcast-recipients"

/**
 * Broadcast recipient rows keep their broadcast, status and dates (the counts
 * stay right), but the address copied when the audience was listed becomes the
 * erased email (email) or `[erased]` (phone), and a provider error quoting it
 * is redacted. A recipient still queued and not handed to a provider yet is
 * skipped: nothing more goes out to an erased customer.
 */
export const eraseBroadcastRecipientsStep = createStep(
  eraseBroadcastRecipientsStepId,
  async (subject: ErasureSubject, { container }) => {
    const service = container.resolve<BroadcastModuleService>(BROADCAST_MODULE)
    const found = await service.listBroadcastRecipients(
      { customer_id: subject.customer_id },
      { select: ["id", "address", "status", "batch_key", "last_error"], take: null }
    )
    const anonymised = (address: string) => (address.includes("@") ? subject.erased_email : ERASED_VALUE)
    const previous: RecipientUpdate[] = []
    const erased: RecipientUpdate[] = []
    for (const recipient of found) {
      const waiting = recipient.status === "queued" && !recipient.batch_key
      const next: RecipientUpdate = {
        id: recipient.id,
        address: anonymised(recipient.address),
        status: waiting ? "skipped" : recipient.status,
        last_error: waiting ? ERASED_RECIPIENT_ERROR : redactJson(recipient.last_error ?? null, subject),
      }
      const current: RecipientUpdate = {
        id: recipient.id,
        address: recipient.address,
        status: recipient.status,
        last_error: recipient.last_error ?? null,
      }
      if (redactionChanges(current, next)) {
        previous.push(current)
        erased.push(next)
      }
    }
    if (!erased.length) {
      return new StepResponse(0, [])
    }
    await service.updateBroadcastRecipients(erased)
    return new StepResponse(erased.length, previous)
  },
  async (previous, { container }) => {
    if (!previous?.length) {
      return
    }
    await container.resolve<BroadcastModuleService>(BROADCAST_MODULE).updateBroadcastRecipients(previous)
  }
)
