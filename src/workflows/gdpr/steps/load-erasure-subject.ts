import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AddressRecord, erasedEmail, ErasureSubject } from "../utils/erasure"

export type LoadErasureSubjectStepInput = { customer_id: string }

type CustomerRow = {
  id: string
  email: string | null
  phone: string | null
  first_name: string | null
  last_name: string | null
  company_name: string | null
  metadata: Record<string, unknown> | null
  addresses?: AddressRecord[] | null
}

type WithAddresses = {
  email?: string | null
  shipping_address?: AddressRecord | null
  billing_address?: AddressRecord | null
}

const ADDRESS_FIELDS = ["first_name", "last_name", "company", "address_1", "address_2", "phone"]
const COPY_FIELDS = [
  "email",
  ...ADDRESS_FIELDS.flatMap((field) => [`shipping_address.${field}`, `billing_address.${field}`]),
]

const fullName = (a: { first_name?: string | null; last_name?: string | null }) =>
  [a.first_name, a.last_name].filter(Boolean).join(" ")

export const loadErasureSubjectStepId = "load-erasure-subject"

/**
 * Reads, before anything changes, the values that identify the customer in the
 * copies other modules keep (orders, carts, payment data, messages). Unknown
 * customer: 404.
 */
export const loadErasureSubjectStep = createStep(
  loadErasureSubjectStepId,
  async ({ customer_id }: LoadErasureSubjectStepInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: customers } = await query.graph({
      entity: "customer",
      fields: ["id", "email", "phone", "first_name", "last_name", "company_name", "metadata", "addresses.*"],
      filters: { id: customer_id },
    })
    const customer = customers[0] as unknown as CustomerRow | undefined
    if (!customer) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id: ${customer_id} was not found`)
    }
    const [{ data: orders }, { data: carts }] = await Promise.all([
      query.graph({ entity: "order", fields: COPY_FIELDS, filters: { customer_id } }),
      query.graph({ entity: "cart", fields: COPY_FIELDS, filters: { customer_id } }),
    ])
    const copies = [...(orders as unknown as WithAddresses[]), ...(carts as unknown as WithAddresses[])]
    const addresses = [
      ...(customer.addresses ?? []),
      ...copies.flatMap((c) => [c.shipping_address, c.billing_address]),
    ].filter((a): a is AddressRecord => !!a)

    const erased_email = erasedEmail(customer_id)
    const identifiers = [
      customer.email,
      customer.phone,
      ...copies.map((c) => c.email),
      ...addresses.map((a) => a.phone),
    ]
    const names = [
      customer.first_name,
      customer.last_name,
      fullName(customer),
      customer.company_name,
      ...addresses.flatMap((a) => [a.first_name, a.last_name, fullName(a), a.company, a.address_1, a.address_2]),
    ]
    const previous = customer.metadata?.erased_at
    const subject: ErasureSubject = {
      customer_id,
      erased_email,
      erased_at: typeof previous === "string" ? previous : new Date().toISOString(),
      identifiers: unique(identifiers).filter((value) => value !== erased_email),
      names: unique(names),
    }
    return new StepResponse(subject)
  }
)

const unique = (values: (string | null | undefined)[]) => [
  ...new Set(values.filter((v): v is string => typeof v === "string" && v.trim() !== "").map((v) => v.trim())),
]
