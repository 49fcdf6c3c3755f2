import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { GetAdminLowStockParams } from "./validators"

export const adminLowStockMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/low-stock",
    middlewares: [validateAndTransformQuery(GetAdminLowStockParams, { defaults: [], defaultLimit: 50, isList: true })],
  },
]
