import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { unerasedAddresses } from "../utils/address-copies"
import { AddressRecord, blankAddress, ErasureSubject, PERSONAL_ADDRESS_FIELDS } from "../utils/erasure"

type OrderFulfillments = { fulfillments?: ({ delivery_address?: AddressRecord | null } | null)[] | null }

const ADDRESS_FIELDS = ["id", "metadata", ...PERSONAL_ADDRESS_FIELDS].map(
  (field) => `fulfillments.delivery_address.${field}`
)

/**
 * The fulfillment module keeps its own copy of the shipping address on each
 * fulfillment, and its service has no method that writes it (`updateFulfillment`
 * takes no address; FulfillmentAddress has no generated CRUD). So this step
 * writes `fulfillment_address` with knex's query builder: bound values only.
 */
async function writeAddresses(container: MedusaContainer, rows: AddressRecord[]) {
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  for (const { id, ...fields } of rows) {
    await pg("fulfillment_address").where({ id }).update({ ...fields, updated_at: new Date() })
  }
}

export const eraseFulfillmentAddressesStepId = "erase-fulfillment-addresses"

/** Delivery addresses of the customer's orders' fulfillments lose every personal field. */
export const eraseFulfillmentAddressesStep = createStep(
  eraseFulfillmentAddressesStepId,
  async (subject: ErasureSubject, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: ["id", ...ADDRESS_FIELDS],
      filters: { customer_id: subject.customer_id },
    })
    const previous = unerasedAddresses(
      (data as unknown as OrderFulfillments[]).flatMap((order) =>
        (order.fulfillments ?? []).map((f) => f?.delivery_address)
      )
    )
    await writeAddresses(container, previous.map(({ id }) => blankAddress(id)))
    return new StepResponse(previous.length, previous)
  },
  async (previous, { container }) => {
    if (!previous?.length) {
      return
    }
    await writeAddresses(container, previous)
  }
)
