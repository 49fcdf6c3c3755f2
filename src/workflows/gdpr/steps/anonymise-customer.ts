import { CustomerUpdatableFields } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { isEraseMarker } from "../utils/erase-marker"
import { ErasureSubject } from "../utils/erasure"

type Profile = {
  email: string | null
  first_name: string | null
  last_name: string | null
  phone: string | null
  company_name: string | null
  metadata: Record<string, unknown> | null
  has_account: boolean
}

/**
 * `has_account` is a column of the customer model that CustomerUpdatableFields
 * leaves out; `updateCustomers` writes it like any other field.
 */
type ProfileUpdate = CustomerUpdatableFields & { has_account: boolean }

const PROFILE_FIELDS: (keyof Profile)[] = [
  "email",
  "first_name",
  "last_name",
  "phone",
  "company_name",
  "metadata",
  "has_account",
]

export const anonymiseCustomerStepId = "anonymise-customer"

/**
 * The customer record stays (orders point at it) with nothing personal left:
 * `erased+<id>@erased.invalid`, no names, phone or company, `has_account`
 * false and metadata nulled (module updates merge JSON, so null is the only
 * value that drops every old key; mark-customer-erased then sets the marker).
 */
export const anonymiseCustomerStep = createStep(
  anonymiseCustomerStepId,
  async (subject: ErasureSubject, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "customer",
      fields: ["id", ...PROFILE_FIELDS],
      filters: { id: subject.customer_id },
    })
    const current = data[0] as unknown as Profile
    const erased: ProfileUpdate = {
      email: subject.erased_email,
      first_name: null,
      last_name: null,
      phone: null,
      company_name: null,
      metadata: null,
      has_account: false,
    }
    const alreadyErased =
      current.email === erased.email &&
      current.first_name === null &&
      current.last_name === null &&
      current.phone === null &&
      current.company_name === null &&
      current.has_account === false &&
      (current.metadata === null || isEraseMarker(current.metadata, subject.erased_at))
    if (alreadyErased) {
      return new StepResponse({ changed: false }, null)
    }
    await container.resolve(Modules.CUSTOMER).updateCustomers(subject.customer_id, erased)
    const previous: ProfileUpdate = {
      email: current.email,
      first_name: current.first_name,
      last_name: current.last_name,
      phone: current.phone,
      company_name: current.company_name,
      metadata: current.metadata,
      has_account: current.has_account,
    }
    return new StepResponse({ changed: true }, { id: subject.customer_id, previous })
  },
  async (saved, { container }) => {
    if (!saved) {
      return
    }
    // Metadata is null at this point, so writing the old object restores it exactly.
    await container.resolve(Modules.CUSTOMER).updateCustomers(saved.id, saved.previous)
  }
)
