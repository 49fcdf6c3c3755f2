import { CreateCustomerAddressDTO } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type DeleteCustomerSavedAddressesStepInput = { customer_id: string }

export const deleteCustomerSavedAddressesStepId = "delete-customer-saved-addresses"

/**
 * Deletes the customer's saved addresses (a hard delete: no row is left). The
 * compensation re-creates them with the same content (new ids).
 */
export const deleteCustomerSavedAddressesStep = createStep(
  deleteCustomerSavedAddressesStepId,
  async ({ customer_id }: DeleteCustomerSavedAddressesStepInput, { container }) => {
    const service = container.resolve(Modules.CUSTOMER)
    const addresses = await service.listCustomerAddresses({ customer_id }, { take: null })
    if (!addresses.length) {
      return new StepResponse(0, [])
    }
    await service.deleteCustomerAddresses(addresses.map((a) => a.id))
    const previous: CreateCustomerAddressDTO[] = addresses.map((a) => ({
      customer_id: a.customer_id,
      address_name: a.address_name,
      is_default_shipping: a.is_default_shipping,
      is_default_billing: a.is_default_billing,
      company: a.company,
      first_name: a.first_name,
      last_name: a.last_name,
      address_1: a.address_1,
      address_2: a.address_2,
      city: a.city,
      country_code: a.country_code,
      province: a.province,
      postal_code: a.postal_code,
      phone: a.phone,
      metadata: a.metadata,
    }))
    return new StepResponse(addresses.length, previous)
  },
  async (previous, { container }) => {
    if (!previous?.length) {
      return
    }
    await container.resolve(Modules.CUSTOMER).createCustomerAddresses(previous)
  }
)
