import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { GetStoreConsentsParams, PostStoreConsents } from "./validators"

/** Customer auth comes from Medusa's own `/store/customers/me*` middleware. */
export const storeCustomerConsentsMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/store/customers/me/consents",
    middlewares: [validateAndTransformQuery(GetStoreConsentsParams, {})],
  },
  {
    methods: ["POST"],
    matcher: "/store/customers/me/consents",
    middlewares: [validateAndTransformBody(PostStoreConsents)],
  },
]
