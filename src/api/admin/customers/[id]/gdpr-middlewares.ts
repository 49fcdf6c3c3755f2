import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { PostAdminCustomerErase } from "./erase/validators"

/** Admin auth is Medusa's own `/admin*` middleware. */
export const adminCustomerGdprMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/erase",
    middlewares: [validateAndTransformBody(PostAdminCustomerErase)],
  },
]
