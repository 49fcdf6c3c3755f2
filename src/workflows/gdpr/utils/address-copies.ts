import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AddressRecord, PERSONAL_ADDRESS_FIELDS } from "./erasure"

export type AddressCopyOwner = {
  id: string
  email: string | null
  shipping_address?: AddressRecord | null
  billing_address?: AddressRecord | null
}

const ADDRESS_FIELDS = ["id", "metadata", ...PERSONAL_ADDRESS_FIELDS]

/** The customer's orders or carts with the email and addresses copied onto them. */
export async function listAddressCopies(
  container: MedusaContainer,
  entity: "order" | "cart",
  customerId: string
): Promise<AddressCopyOwner[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity,
    fields: [
      "id",
      "email",
      ...ADDRESS_FIELDS.flatMap((field) => [`shipping_address.${field}`, `billing_address.${field}`]),
    ],
    filters: { customer_id: customerId },
  })
  return data as unknown as AddressCopyOwner[]
}
