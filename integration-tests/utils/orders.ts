import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { AxiosInstance } from "axios"
import { StoreSetup } from "../../src/lib/setup/store"
import { PaymentFakes } from "./env"
import { storeHeaders } from "./store"
import { waitFor } from "./wait-for"

export type Headers = { headers: Record<string, string> }

export type Person = { email: string; password: string; first_name: string; last_name: string; phone?: string }

export const addressFor = (person: Pick<Person, "first_name" | "last_name" | "phone">, countryCode: "ng" | "us") => ({
  first_name: person.first_name,
  last_name: person.last_name,
  phone: person.phone ?? "+2348012345678",
  address_1: countryCode === "ng" ? "1 Marina" : "1 Broadway",
  city: countryCode === "ng" ? "Lagos" : "New York",
  country_code: countryCode,
  postal_code: countryCode === "ng" ? "100001" : "10004",
})

/** Store headers with a customer's (or any) bearer token. */
export const withBearer = (setup: StoreSetup, token: string): Headers => ({
  headers: { ...storeHeaders(setup).headers, authorization: `Bearer ${token}` },
})

/** Register, create the customer, log in: what a storefront does. Returns the customer id and store headers. */
export async function registerCustomer(api: AxiosInstance, setup: StoreSetup, person: Person) {
  const { data: registration } = await api.post("/auth/customer/emailpass/register", {
    email: person.email,
    password: person.password,
  })
  const { first_name, last_name, email, phone } = person
  const { data } = await api.post(
    "/store/customers",
    { email, first_name, last_name, ...(phone ? { phone } : {}) },
    withBearer(setup, registration.token)
  )
  const { data: login } = await api.post("/auth/customer/emailpass", { email, password: person.password })
  return { id: data.customer.id as string, headers: withBearer(setup, login.token) }
}

export type PlaceOrderInput = {
  /** Store headers: a customer's (`withBearer`) to order as that customer, `storeHeaders` for a guest. */
  headers: Headers
  region: "nigeria" | "international"
  items: [sku: string, quantity: number][]
  /** Needed for a guest; a customer's cart takes the customer's email. */
  email?: string
  person?: Pick<Person, "first_name" | "last_name" | "phone">
}

/**
 * A real checkout through the store API, as in checkout.spec.ts: cart, items,
 * addresses, the standard shipping option, then payment through the provider's fake
 * (Paystack charge.success for Nigeria, Stripe payment_intent.succeeded otherwise)
 * and its signed webhook. Resolves with the order id once Medusa has placed it.
 */
export async function placeOrder(
  api: AxiosInstance,
  container: MedusaContainer,
  setup: StoreSetup,
  fakes: PaymentFakes,
  input: PlaceOrderInput
): Promise<string> {
  const { headers, region, items, email } = input
  const countryCode = region === "nigeria" ? "ng" : "us"
  const query = container.resolve(ContainerRegistrationKeys.QUERY)

  const cart = { region_id: setup.regions[region], ...(email ? { email } : {}) }
  const { data } = await api.post("/store/carts", cart, headers)
  const cartId: string = data.cart.id
  for (const [sku, quantity] of items) {
    const { data: variants } = await query.graph({ entity: "product_variant", fields: ["id"], filters: { sku } })
    await api.post(`/store/carts/${cartId}/line-items`, { variant_id: variants[0].id, quantity }, headers)
  }
  const address = addressFor(input.person ?? { first_name: "Ada", last_name: "Obi" }, countryCode)
  await api.post(`/store/carts/${cartId}`, { shipping_address: address, billing_address: address }, headers)
  const options = await api.get(`/store/shipping-options?cart_id=${cartId}`, headers)
  const option = options.data.shipping_options.find((o: { name: string }) => /standard/i.test(o.name))
  await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: option.id }, headers)
  const collection = await api.post("/store/payment-collections", { cart_id: cartId }, headers)

  const providerId = region === "nigeria" ? "pp_paystack_paystack" : "pp_stripe_stripe"
  const { data: sessionBody } = await api.post(
    `/store/payment-collections/${collection.data.payment_collection.id}/payment-sessions`,
    { provider_id: providerId, data: email ? { email } : {} },
    headers
  )
  const session = sessionBody.payment_collection.payment_sessions[0]
  const event =
    region === "nigeria"
      ? fakes.paystack.chargeSuccessEvent(session.data.reference)
      : fakes.stripe.signedEvent("payment_intent.succeeded", fakes.stripe.confirmPaymentIntent(session.data.id))
  const hook = region === "nigeria" ? "paystack_paystack" : "stripe_stripe"
  const webhook = await api.post(`/hooks/payment/${hook}`, event.body, { headers: event.headers })
  if (webhook.status !== 200) {
    throw new Error(`The ${hook} webhook answered ${webhook.status}`)
  }
  return waitFor(
    async () => {
      const { data: links } = await query.graph({
        entity: "order_cart",
        fields: ["order_id"],
        filters: { cart_id: cartId },
      })
      return links[0]?.order_id as string | undefined
    },
    { what: `order for cart ${cartId}` }
  )
}
