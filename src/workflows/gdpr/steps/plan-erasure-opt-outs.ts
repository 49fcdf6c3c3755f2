import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { NOTIFICATION_CHANNELS } from "../../../lib/notifications/types"
import { CONSENT_MODULE } from "../../../modules/consent"
import ConsentModuleService, { ConsentChoice } from "../../../modules/consent/service"
import { ErasureSubject } from "../utils/erasure"

/** The `source` of the opt-outs an erase records. */
export const ERASURE_CONSENT_SOURCE = "erasure"

export const planErasureOptOutsStepId = "plan-erasure-opt-outs"

/**
 * Consent rows hold no personal data (customer id, channel, purpose, yes/no),
 * so they stay, and marketing is recorded as refused on every channel with
 * source `erasure` (with no row, email marketing would fall back to its
 * opt-out default). Channels already saying so are left out, so a second
 * erase writes nothing. `recordConsentsStep` writes them and undoes them.
 */
export const planErasureOptOutsStep = createStep(
  planErasureOptOutsStepId,
  async (subject: ErasureSubject, { container }) => {
    const consent = container.resolve<ConsentModuleService>(CONSENT_MODULE)
    const existing = await consent.listCustomerConsents(
      { customer_id: subject.customer_id, purpose: "marketing" },
      { take: null }
    )
    const byChannel = new Map(existing.map((row) => [row.channel, row]))
    const choices: ConsentChoice[] = NOTIFICATION_CHANNELS.filter((channel) => {
      const row = byChannel.get(channel)
      return !row || row.granted || row.source !== ERASURE_CONSENT_SOURCE
    }).map((channel) => ({
      customer_id: subject.customer_id,
      channel,
      purpose: "marketing",
      granted: false,
      source: ERASURE_CONSENT_SOURCE,
    }))
    return new StepResponse(choices)
  }
)
