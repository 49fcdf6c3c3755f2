import type { FakePaystack } from "../fakes/paystack"

/**
 * What a storefront and a payment provider do over HTTP, against any of the
 * harness's server processes (the scale-out harness has no container to
 * query: everything goes through the API, as in production).
 */

export type Reply<T = Record<string, any>> = {
  status: number
  headers: Record<string, string>
  data: T
}

/**
 * One HTTP call. `ip` becomes X-Forwarded-For: Medusa trusts one proxy hop, so
 * that is the client address the rate limiter sees.
 */
export async function call<T = Record<string, any>>(
  base: string,
  method: "GET" | "POST",
  url: string,
  { ip, headers = {}, body }: { ip: string; headers?: Record<string, string>; body?: unknown }
): Promise<Reply<T>> {
  const response = await fetch(`${base}${url}`, {
    method,
    headers: {
      "x-forwarded-for": ip,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  })
  const text = await response.text()
  let data: unknown = text
  try {
    data = JSON.parse(text)
  } catch {
    // Not JSON (e.g. the webhook's "OK"): keep the text.
  }
  return { status: response.status, headers: Object.fromEntries(response.headers), data: data as T }
}

/** Like `call`, but any status other than 200/201 is an error naming the call. */
export async function ok<T = Record<string, any>>(...args: Parameters<typeof call>): Promise<T> {
  const reply = await call<T>(...args)
  if (reply.status !== 200 && reply.status !== 201) {
    throw new Error(`${args[1]} ${args[2]} answered ${reply.status}: ${JSON.stringify(reply.data)}`)
  }
  return reply.data
}

export type Shopper = { email: string; ip: string; publishableKey: string }

/**
 * A guest's NGN cart with one item, addresses, standard delivery and a payment
 * collection, ready for a Paystack session. Resolves with the collection id.
 */
export async function prepareNigeriaCart(base: string, shopper: Shopper, sku: string): Promise<{ cartId: string; collectionId: string }> {
  const options = { ip: shopper.ip, headers: { "x-publishable-api-key": shopper.publishableKey } }
  const { regions } = await ok(base, "GET", "/store/regions", options)
  const nigeria = regions.find((region: { name: string }) => region.name === "Nigeria")
  const { products } = await ok(
    base,
    "GET",
    `/store/products?region_id=${nigeria.id}&limit=100&fields=id,variants.id,variants.sku`,
    options
  )
  const variant = products
    .flatMap((product: { variants: { id: string; sku: string }[] }) => product.variants)
    .find((v: { sku: string }) => v.sku === sku)
  if (!variant) {
    throw new Error(`No variant with SKU ${sku} in the store`)
  }
  const { cart } = await ok(base, "POST", "/store/carts", { ...options, body: { region_id: nigeria.id, email: shopper.email } })
  await ok(base, "POST", `/store/carts/${cart.id}/line-items`, { ...options, body: { variant_id: variant.id, quantity: 1 } })
  const address = {
    first_name: "Ada",
    last_name: "Obi",
    phone: "+2348012345678",
    address_1: "1 Marina",
    city: "Lagos",
    country_code: "ng",
    postal_code: "100001",
  }
  await ok(base, "POST", `/store/carts/${cart.id}`, { ...options, body: { shipping_address: address, billing_address: address } })
  const { shipping_options } = await ok(base, "GET", `/store/shipping-options?cart_id=${cart.id}`, options)
  const standard = shipping_options.find((option: { name: string }) => /standard/i.test(option.name))
  await ok(base, "POST", `/store/carts/${cart.id}/shipping-methods`, { ...options, body: { option_id: standard.id } })
  const { payment_collection } = await ok(base, "POST", "/store/payment-collections", { ...options, body: { cart_id: cart.id } })
  return { cartId: cart.id, collectionId: payment_collection.id }
}

/** Starts a Paystack payment session (the server initialises a transaction with Paystack). */
export function createPaystackSession(base: string, shopper: Shopper, collectionId: string) {
  return call(base, "POST", `/store/payment-collections/${collectionId}/payment-sessions`, {
    ip: shopper.ip,
    headers: { "x-publishable-api-key": shopper.publishableKey },
    body: { provider_id: "pp_paystack_paystack", data: { email: shopper.email } },
  })
}

/** The session's Paystack reference, from a payment-sessions reply. */
export const paystackReference = (reply: Reply): string =>
  reply.data.payment_collection.payment_sessions[0].data.reference

/** Paystack's signed `charge.success` for `reference`, delivered to a server's webhook route. */
export async function deliverChargeSuccess(base: string, paystack: FakePaystack, reference: string, ip: string) {
  const event = paystack.chargeSuccessEvent(reference)
  const reply = await call(base, "POST", "/hooks/payment/paystack_paystack", { ip, headers: event.headers, body: event.body })
  if (reply.status !== 200) {
    throw new Error(`The Paystack webhook answered ${reply.status}: ${JSON.stringify(reply.data)}`)
  }
}
