import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BROADCAST_MODULE } from "../../../modules/broadcast"
import BroadcastModuleService from "../../../modules/broadcast/service"
import { CONSENT_MODULE } from "../../../modules/consent"
import ConsentModuleService from "../../../modules/consent/service"

export type CollectConsentsStepInput = { customer_id: string }

export const collectConsentsStepId = "collect-consents"

/**
 * The customer's messaging choices, every channel and purpose (a stored choice
 * with its source and dates, or the default with `source: "default"`), and the
 * broadcasts addressed to them: which broadcast, the address it used, what
 * happened and when it was sent.
 */
export const collectConsentsStep = createStep(
  collectConsentsStepId,
  async ({ customer_id }: CollectConsentsStepInput, { container }) => {
    const consent = container.resolve<ConsentModuleService>(CONSENT_MODULE)
    const broadcast = container.resolve<BroadcastModuleService>(BROADCAST_MODULE)
    const [preferences, stored, recipients] = await Promise.all([
      consent.preferencesOf(customer_id),
      consent.listCustomerConsents({ customer_id }, { take: null }),
      broadcast.listBroadcastRecipients(
        { customer_id },
        { relations: ["broadcast"], order: { created_at: "ASC", id: "ASC" }, take: null }
      ),
    ])
    const createdAt = new Map(stored.map((row) => [`${row.channel}:${row.purpose}`, row.created_at]))
    const consents = preferences.map((preference) => ({
      ...preference,
      created_at: createdAt.get(`${preference.channel}:${preference.purpose}`) ?? null,
    }))
    const broadcasts_received = recipients.map((recipient) => ({
      broadcast: {
        id: recipient.broadcast.id,
        name: recipient.broadcast.name,
        channel: recipient.broadcast.channel,
        status: recipient.broadcast.status,
      },
      address: recipient.address,
      status: recipient.status,
      sent_at: recipient.sent_at,
      created_at: recipient.created_at,
    }))
    return new StepResponse({ consents, broadcasts_received })
  }
)
