import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { toE164 } from "../../../lib/phone"

export type ResolveEscalationLinksInput = {
  phone: string
  cart_id?: string | null
  order_id?: string | null
  /** The signed-in customer, if any. */
  customer_id?: string | null
}

export type EscalationLinks = { customer_id: string | null; cart_id: string | null; order_id: string | null }

type OrderRow = {
  id: string
  customer_id: string | null
  shipping_address?: { phone?: string | null } | null
  billing_address?: { phone?: string | null } | null
  customer?: { phone?: string | null; has_account?: boolean } | null
}

const notFound = (kind: string, id: string) => new MedusaError(MedusaError.Types.NOT_FOUND, `${kind} ${id} was not found`)

export const resolveEscalationLinksStepId = "resolve-escalation-links"

/**
 * Checks the cart and order an escalation names and finds the customer.
 * A cart or order of another customer answers exactly like an unknown one
 * (404), so ids cannot be probed. A guest may name an order only when the
 * phone given is one on that order.
 */
export const resolveEscalationLinksStep = createStep(
  resolveEscalationLinksStepId,
  async (input: ResolveEscalationLinksInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const signedIn = input.customer_id ?? null
    let customerId = signedIn
    if (input.cart_id) {
      const { data } = await query.graph({
        entity: "cart",
        fields: ["id", "customer_id", "customer.has_account"],
        filters: { id: input.cart_id },
      })
      const cart = data[0] as { customer_id: string | null; customer?: { has_account?: boolean } | null } | undefined
      // A guest cart is reached by its id alone, as Medusa's store routes do; an account's cart needs its owner.
      if (!cart || (cart.customer?.has_account && cart.customer_id !== signedIn)) {
        throw notFound("Cart", input.cart_id)
      }
      customerId ??= cart.customer_id
    }
    if (input.order_id) {
      const { data } = await query.graph({
        entity: "order",
        fields: ["id", "customer_id", "shipping_address.phone", "billing_address.phone", "customer.phone"],
        filters: { id: input.order_id },
      })
      const order = data[0] as OrderRow | undefined
      const phones = order
        ? [order.shipping_address?.phone, order.billing_address?.phone, order.customer?.phone]
            .filter((phone): phone is string => !!phone)
            .map(toE164)
        : []
      const owned = !!order && !!signedIn && order.customer_id === signedIn
      if (!order || (!owned && !phones.includes(input.phone))) {
        throw notFound("Order", input.order_id)
      }
      customerId ??= order.customer_id
    }
    return new StepResponse<EscalationLinks>({
      customer_id: customerId,
      cart_id: input.cart_id ?? null,
      order_id: input.order_id ?? null,
    })
  }
)
