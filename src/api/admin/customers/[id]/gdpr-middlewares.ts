import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { PostAdminCustomerErase } from "./erase/validators"
import { GetAdminCustomerExport } from "./export/validators"

/** Admin auth is Medusa's own `/admin*` middleware. */
export const adminCustomerGdprMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/customers/:id/export",
    middlewares: [validateAndTransformQuery(GetAdminCustomerExport, {})],
  },
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/erase",
    middlewares: [validateAndTransformBody(PostAdminCustomerErase)],
  },
]
