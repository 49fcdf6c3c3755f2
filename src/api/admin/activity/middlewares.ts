import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { GetAdminActivityParams } from "./validators"

export const adminActivityMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/activity",
    middlewares: [validateAndTransformQuery(GetAdminActivityParams, {})],
  },
]
