import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { listInventoryAdjustmentsQueryConfig } from "./query-config"
import { GetAdminInventoryAdjustmentsParams, PostAdminInventoryAdjustment } from "./validators"

export const adminInventoryAdjustmentsMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/inventory-adjustments",
    middlewares: [validateAndTransformQuery(GetAdminInventoryAdjustmentsParams, listInventoryAdjustmentsQueryConfig)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/inventory-adjustments",
    middlewares: [validateAndTransformBody(PostAdminInventoryAdjustment)],
  },
]
