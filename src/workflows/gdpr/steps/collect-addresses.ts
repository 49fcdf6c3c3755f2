import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type CollectAddressesStepInput = { customer_id: string }

export const collectAddressesStepId = "collect-addresses"

/** The customer's saved address book. */
export const collectAddressesStep = createStep(
  collectAddressesStepId,
  async ({ customer_id }: CollectAddressesStepInput, { container }) => {
    const customers = container.resolve(Modules.CUSTOMER)
    const addresses = await customers.listCustomerAddresses({ customer_id }, { take: null })
    return new StepResponse(addresses)
  }
)
