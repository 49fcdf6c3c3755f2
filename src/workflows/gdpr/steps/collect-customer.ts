import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type CollectCustomerStepInput = { customer_id: string }

export type ExportedCustomer = {
  id: string
  email: string | null
  first_name: string | null
  last_name: string | null
  phone: string | null
  company_name: string | null
  has_account: boolean
  metadata: Record<string, unknown> | null
  groups: { id: string; name: string }[]
  created_at: string
  updated_at: string
}

export const collectCustomerStepId = "collect-customer"

/** The customer's profile; an unknown id is a 404, before any other source is read. */
export const collectCustomerStep = createStep(
  collectCustomerStepId,
  async ({ customer_id }: CollectCustomerStepInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "customer",
      fields: [
        "id",
        "email",
        "first_name",
        "last_name",
        "phone",
        "company_name",
        "has_account",
        "metadata",
        "groups.id",
        "groups.name",
        "created_at",
        "updated_at",
      ],
      filters: { id: customer_id },
    })
    const customer = data[0] as unknown as ExportedCustomer | undefined
    if (!customer) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id: ${customer_id} was not found`)
    }
    return new StepResponse({ ...customer, groups: customer.groups ?? [] })
  }
)
