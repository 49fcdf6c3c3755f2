import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type CollectPaymentAccountHoldersStepInput = { customer_id: string }

type AccountHolderRow = {
  id: string
  provider_id: string
  external_id: string
  email: string | null
  created_at: string
}

export const collectPaymentAccountHoldersStepId = "collect-payment-account-holders"

/**
 * The customer's records at payment providers (e.g. a Stripe customer), by
 * reference: the provider's `data` copy is left out.
 */
export const collectPaymentAccountHoldersStep = createStep(
  collectPaymentAccountHoldersStepId,
  async ({ customer_id }: CollectPaymentAccountHoldersStepInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "customer",
      fields: [
        "account_holders.id",
        "account_holders.provider_id",
        "account_holders.external_id",
        "account_holders.email",
        "account_holders.created_at",
      ],
      filters: { id: customer_id },
    })
    const customer = data[0] as unknown as { account_holders?: (AccountHolderRow | null)[] } | undefined
    const holders = (customer?.account_holders ?? []).filter((h): h is AccountHolderRow => !!h)
    return new StepResponse(holders)
  }
)
