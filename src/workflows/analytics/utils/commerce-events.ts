/**
 * Commerce events forwarded to Medusa's Analytics Module (local provider,
 * or PostHog when POSTHOG_EVENTS_API_KEY is set), and what each event's `id` names.
 */
export const COMMERCE_EVENT_SUBJECTS = {
  /** GET /store/products/:id, or a product looked up by handle: a product id. */
  product_viewed: "product",
  /** cart.created: a cart id. */
  cart_created: "cart",
  /** POST /store/payment-collections, the storefront's step into payment: a cart id. */
  checkout_started: "cart",
  /** order.placed: an order id. */
  order_placed: "order",
  /** payment.captured: a payment id. */
  payment_captured: "payment",
  /** payment.refunded: a payment id; the event carries the payment's latest refund. */
  order_refunded: "payment",
} as const

export type CommerceEvent = keyof typeof COMMERCE_EVENT_SUBJECTS

export type CommerceEventInput = {
  event: CommerceEvent
  /** The record the event is about (see COMMERCE_EVENT_SUBJECTS). */
  id?: string
  /** product_viewed only: the product's handle, when the storefront looked it up by handle. */
  handle?: string
  /** Who did it, when the request knew (a signed-in customer); otherwise read from the cart or order. */
  actor_id?: string | null
}

/** The distinct id for events nobody signed in or owned: PostHog needs one. */
export const ANONYMOUS_ACTOR = "anonymous"
