import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { getOrderDetailWorkflow } from "@medusajs/medusa/core-flows"
import { ORDER_TRACKING_TOKEN_PURPOSE } from "../../../../../lib/notifications/links"
import { buildOrderTimeline } from "../../../../../lib/order-tracking/timeline"
import { verifyToken } from "../../../../../lib/signed-token"
import { GetStoreOrderTrackingParamsType } from "./validators"

/** What the timeline and the aggregated payment and fulfillment statuses read. */
const TRACKING_FIELDS = [
  "id",
  "display_id",
  "status",
  "currency_code",
  "total",
  "created_at",
  "updated_at",
  "canceled_at",
  "items.id",
  "items.quantity",
  "items.raw_quantity",
  "items.detail.*",
  "payment_collections.*",
  "payment_collections.payments.id",
  "payment_collections.payments.captures.amount",
  "payment_collections.payments.captures.created_at",
  "payment_collections.payments.refunds.amount",
  "payment_collections.payments.refunds.created_at",
  "fulfillments.*",
  "fulfillments.labels.tracking_number",
]

/**
 * The same answer for an unknown order and for one the caller may not see, so
 * the route never tells whether an order exists.
 */
const notFound = () => new MedusaError(MedusaError.Types.NOT_FOUND, "Order not found")

/**
 * An order's status and timeline, for its customer (their token) or for whoever
 * holds the signed link from the order's messages.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, GetStoreOrderTrackingParamsType>,
  res: MedusaResponse
) => {
  const orderId = req.params.id
  const { token } = req.validatedQuery
  const customerId = req.auth_context?.actor_id || null
  const linkOpensIt = !!token && verifyToken(ORDER_TRACKING_TOKEN_PURPOSE, token)?.order_id === orderId
  if (!linkOpensIt && !customerId) {
    throw notFound()
  }
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [found],
  } = await query.graph({
    entity: "order",
    fields: ["id", "customer_id"],
    filters: { id: orderId, is_draft_order: false },
  })
  if (!found || !(linkOpensIt || (customerId && found.customer_id === customerId))) {
    throw notFound()
  }
  // Medusa's order detail: the order graph plus its aggregated payment and fulfillment statuses.
  const { result: order } = await getOrderDetailWorkflow(req.scope).run({
    input: { order_id: orderId, fields: TRACKING_FIELDS, filters: { is_draft_order: false } },
  })
  res.json({
    order: {
      id: order.id,
      display_id: order.display_id,
      status: order.status,
      payment_status: order.payment_status,
      fulfillment_status: order.fulfillment_status,
      currency_code: order.currency_code,
      total: order.total,
    },
    timeline: buildOrderTimeline(order),
  })
}
