import { authenticate, MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { limitEscalations } from "./rate-limit"
import { PostStoreEscalation } from "./validators"

/** Guests may escalate; a signed-in customer's token links the conversation to them. */
export const storeConciergeEscalationsMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["POST"],
    matcher: "/store/concierge/escalations",
    middlewares: [
      authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true }),
      validateAndTransformBody(PostStoreEscalation),
      limitEscalations,
    ],
  },
]
