import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CONSENT_MODULE } from "../../../modules/consent"
import ConsentModuleService, { ConsentChoice } from "../../../modules/consent/service"

export const recordConsentsStepId = "record-consents"

/** Saves consent choices; the compensation restores the previous answers. */
export const recordConsentsStep = createStep(
  recordConsentsStepId,
  async (choices: ConsentChoice[], { container }) => {
    const consent = container.resolve<ConsentModuleService>(CONSENT_MODULE)
    const previous = choices.length
      ? await consent.listCustomerConsents({
          $or: choices.map(({ customer_id, channel, purpose }) => ({ customer_id, channel, purpose })),
        })
      : []
    const saved = await consent.recordChoices(choices)
    const createdIds = saved.filter((row) => !previous.some((p) => p.id === row.id)).map((row) => row.id)
    return new StepResponse(saved, { previous, createdIds })
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
      await consent.updateCustomerConsents(
        undo.previous.map(({ id, granted, source }) => ({ id, granted, source }))
      )
    }
  }
)
