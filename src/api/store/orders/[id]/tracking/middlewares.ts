import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { GetStoreOrderTrackingParams } from "./validators"

/**
 * Customer auth is Medusa's own for `/store*` (optional there): the owner's
 * token is read when sent, and the signed `token` works without one.
 */
export const storeOrderTrackingMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/store/orders/:id/tracking",
    middlewares: [validateAndTransformQuery(GetStoreOrderTrackingParams, {})],
  },
]
