import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { listFxRatesQueryConfig } from "./query-config"
import { GetAdminFxRatesParams, PostAdminFxRate } from "./validators"

export const adminFxRatesMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/fx-rates",
    middlewares: [validateAndTransformQuery(GetAdminFxRatesParams, listFxRatesQueryConfig)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/fx-rates",
    middlewares: [validateAndTransformBody(PostAdminFxRate)],
  },
]
