import { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { MedusaContainer } from "@medusajs/framework/types"
import { BoundedWorkQueue } from "../../lib/bounded-work-queue"
import { analyticsEventsDroppedTotal, analyticsEventsPending } from "../../lib/observability/metrics"
import { trackCommerceEventSafely } from "../../workflows/analytics/track-commerce-event-safely"
import { CommerceEventInput } from "../../workflows/analytics/utils/commerce-events"

/**
 * Analytics events only the storefront's requests tell about (Medusa emits
 * no event for them): a product page served, and the step into payment. The
 * store routes are Medusa's; these middlewares only watch them and track once
 * the response has gone out, so analytics never delays or fails the request.
 * They sit before the store response cache, so a cached product page counts too.
 */

type AuthContext = { actor_type?: string; actor_id?: string }

const customerOf = (req: MedusaRequest): string | null => {
  const auth = (req as MedusaRequest & { auth_context?: AuthContext }).auth_context
  return auth?.actor_type === "customer" && auth.actor_id ? auth.actor_id : null
}

type StorefrontEvent = { scope: MedusaContainer; event: CommerceEventInput }

/**
 * Product views come at the rate of page loads (a cached one costs the server
 * well under a millisecond), and tracking one runs a workflow with a database
 * read. Unpaced, a burst would pile up tracking work in memory faster than it
 * drains; so a few are tracked at once, a thousand wait, and beyond that they
 * are dropped and counted (`analytics_events_dropped_total`).
 */
const storefrontEvents = new BoundedWorkQueue<StorefrontEvent>(
  ({ scope, event }) => trackCommerceEventSafely(scope, event),
  {
    concurrency: 4,
    capacity: 1_000,
    onDrop: ({ event }) => analyticsEventsDroppedTotal.inc({ event: event.event }),
    onSizeChange: (size) => analyticsEventsPending.set(size),
  }
)

/** Tracks what `eventOf` names once a successful (200, or 304 from a cache) response has been sent. */
const afterResponse =
  (eventOf: (req: MedusaRequest) => CommerceEventInput | null) =>
  (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    res.on("finish", () => {
      const event = res.statusCode === 200 || res.statusCode === 304 ? eventOf(req) : null
      if (event) {
        storefrontEvents.push({ scope: req.scope, event })
      }
    })
    next()
  }

/** A product page: one product by id, or the storefront's lookup by one `handle` (how product pages load). */
export const trackProductViews = afterResponse((req) => {
  const actor_id = customerOf(req)
  if (req.params.id) {
    return { event: "product_viewed", id: req.params.id, actor_id }
  }
  const handle = req.query.handle
  return typeof handle === "string" && handle ? { event: "product_viewed", handle, actor_id } : null
})

/** A payment collection for a cart: the storefront has reached the payment step. */
export const trackCheckoutStarted = afterResponse((req) => {
  const body = req.body as { cart_id?: unknown } | undefined
  return typeof body?.cart_id === "string"
    ? { event: "checkout_started", id: body.cart_id, actor_id: customerOf(req) }
    : null
})

export const storefrontAnalyticsMiddlewares: MiddlewareRoute[] = [
  { methods: ["GET"], matcher: "/store/products/:id", middlewares: [trackProductViews] },
  { methods: ["GET"], matcher: "/store/products", middlewares: [trackProductViews] },
  { methods: ["POST"], matcher: "/store/payment-collections", middlewares: [trackCheckoutStarted] },
]
