import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AddressRecord, addressSnapshot, ErasureSubject, isBlankAddress, PERSONAL_ADDRESS_FIELDS } from "./erasure"

type AddressCopyOwner = {
  id: string
  email: string | null
  shipping_address?: AddressRecord | null
  billing_address?: AddressRecord | null
}

/** What an erase of address copies changes, as it was before: the compensation writes it back. */
export type AddressCopyErasure = { owners: { id: string; email: string }[]; addresses: AddressRecord[] }

const ADDRESS_FIELDS = ["id", "metadata", ...PERSONAL_ADDRESS_FIELDS]

/** Snapshots of the addresses that still hold personal data (already blank ones are not written again). */
export const unerasedAddresses = (addresses: (AddressRecord | null | undefined)[]) =>
  addresses.filter((a): a is AddressRecord => !!a && !isBlankAddress(a)).map(addressSnapshot)

/**
 * The customer's orders or carts whose copied email is not the erased one yet,
 * and their shipping and billing addresses that are not blank yet.
 */
export async function findAddressCopies(
  container: MedusaContainer,
  entity: "order" | "cart",
  subject: ErasureSubject
): Promise<AddressCopyErasure> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity,
    fields: [
      "id",
      "email",
      ...ADDRESS_FIELDS.flatMap((field) => [`shipping_address.${field}`, `billing_address.${field}`]),
    ],
    filters: { customer_id: subject.customer_id },
  })
  const owners = data as unknown as AddressCopyOwner[]
  return {
    owners: owners.flatMap(({ id, email }) => (email && email !== subject.erased_email ? [{ id, email }] : [])),
    addresses: unerasedAddresses(owners.flatMap((o) => [o.shipping_address, o.billing_address])),
  }
}
