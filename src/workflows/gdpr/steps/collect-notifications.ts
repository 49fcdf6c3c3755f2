import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { listCustomerNotifications } from "../utils/customer-notifications"

export type CollectNotificationsStepInput = {
  customer_id: string
  email?: string | null
  phone?: string | null
}

export const collectNotificationsStepId = "collect-notifications"

/** Messages recorded by Medusa's notification module for the customer (what was sent, when, how). */
export const collectNotificationsStep = createStep(
  collectNotificationsStepId,
  async ({ customer_id, email, phone }: CollectNotificationsStepInput, { container }) => {
    const service = container.resolve(Modules.NOTIFICATION)
    const found = await listCustomerNotifications(service, customer_id, [email, phone])
    // provider_data is the provider's delivery bookkeeping (cc/bcc, ids), not part of the message.
    const notifications = found.map(({ provider_data: _providerData, ...notification }) => notification)
    return new StepResponse(notifications)
  }
)
