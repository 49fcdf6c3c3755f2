import { storefrontUrl } from "../../config"
import { signToken } from "../signed-token"
import { NotificationChannel } from "./types"

/** Purpose of the tokens in order tracking links; `GET /store/orders/:id/tracking` verifies with it. */
export const ORDER_TRACKING_TOKEN_PURPOSE = "order-tracking"

/** Purpose of the tokens in unsubscribe links; `/store/notifications/unsubscribe` verifies with it. */
export const UNSUBSCRIBE_TOKEN_PURPOSE = "unsubscribe"

/**
 * The storefront's tracking page for an order, with a signed token so a guest
 * (or a customer who is not logged in) can follow it from a message. The token
 * does not expire: it only reveals the order's status and timeline.
 */
export function orderTrackingUrl(orderId: string): string {
  const token = signToken(ORDER_TRACKING_TOKEN_PURPOSE, { order_id: orderId })
  return `${storefrontUrl()}/orders/${encodeURIComponent(orderId)}/tracking?token=${token}`
}

/**
 * The storefront's unsubscribe page for one customer and channel. The page calls
 * `/store/notifications/unsubscribe?token=` with the store's publishable key (a link
 * opened from a message cannot send that header itself).
 */
export function unsubscribeUrl(customerId: string, channel: NotificationChannel): string {
  const token = signToken(UNSUBSCRIBE_TOKEN_PURPOSE, { customer_id: customerId, channel })
  return `${storefrontUrl()}/unsubscribe?token=${token}`
}
