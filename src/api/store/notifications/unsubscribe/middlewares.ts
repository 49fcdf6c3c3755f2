import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { PostStoreUnsubscribe, StoreUnsubscribeParams } from "./validators"

export const storeUnsubscribeMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET", "POST"],
    matcher: "/store/notifications/unsubscribe",
    middlewares: [validateAndTransformQuery(StoreUnsubscribeParams, {})],
  },
  {
    methods: ["POST"],
    matcher: "/store/notifications/unsubscribe",
    middlewares: [validateAndTransformBody(PostStoreUnsubscribe)],
  },
]
