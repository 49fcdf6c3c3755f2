import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { PostStoreCustomerErase } from "./erase/validators"
import { GetStoreCustomerExport } from "./export/validators"

/**
 * Customer auth comes from Medusa's own `/store/customers/me*` middleware
 * (`authenticate("customer", ["session", "bearer"])`), which covers
 * `/store/customers/me/export` and `/store/customers/me/erase`.
 */
export const storeCustomerGdprMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/store/customers/me/export",
    middlewares: [validateAndTransformQuery(GetStoreCustomerExport, {})],
  },
  {
    methods: ["POST"],
    matcher: "/store/customers/me/erase",
    middlewares: [validateAndTransformBody(PostStoreCustomerErase)],
  },
]
