import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { PostAdminCustomerImpersonate } from "./validators"

export const adminCustomerImpersonateMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/impersonate",
    middlewares: [validateAndTransformBody(PostAdminCustomerImpersonate)],
  },
]
