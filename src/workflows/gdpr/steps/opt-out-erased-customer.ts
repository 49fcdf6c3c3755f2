import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { NOTIFICATION_CHANNELS } from "../../../lib/notifications/types"
import { CONSENT_MODULE } from "../../../modules/consent"
import ConsentModuleService, { ConsentChoice } from "../../../modules/consent/service"
import { ErasureSubject } from "../utils/erasure"

/** The `source` of the opt-outs an erase records. */
export const ERASURE_CONSENT_SOURCE = "erasure"

type Undo = {
  /** Rows that existed, as they were. */
  previous: { id: string; granted: boolean; source: string }[]
  /** Rows this step created. */
  createdIds: string[]
}

export const optOutErasedCustomerStepId = "opt-out-erased-customer"

/**
 * Consent rows hold no personal data (customer id, channel, purpose, yes/no),
 * so they stay, and marketing is recorded as refused on every channel with
 * source `erasure`: with no row, email marketing would fall back to its
 * opt-out default. Rows already saying so are not written again. The
 * compensation restores the earlier answers and deletes the rows it created.
 */
export const optOutErasedCustomerStep = createStep(
  optOutErasedCustomerStepId,
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
    if (!choices.length) {
      const nothing: Undo = { previous: [], createdIds: [] }
      return new StepResponse(0, nothing)
    }
    const changed = new Set(choices.map((choice) => choice.channel))
    const previous = existing
      .filter((row) => changed.has(row.channel))
      .map(({ id, granted, source }) => ({ id, granted, source }))
    const saved = await consent.recordChoices(choices)
    const undo: Undo = {
      previous,
      createdIds: saved.filter((row) => !previous.some((p) => p.id === row.id)).map((row) => row.id),
    }
    return new StepResponse(choices.length, undo)
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const consent = container.resolve<ConsentModuleService>(CONSENT_MODULE)
    if (undo.createdIds.length) {
      await consent.deleteCustomerConsents(undo.createdIds)
    }
    if (undo.previous.length) {
      await consent.updateCustomerConsents(undo.previous)
    }
  }
)
