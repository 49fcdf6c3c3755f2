import { MiddlewareRoute } from "@medusajs/framework/http"
import { sharedRateLimiters } from "./limiters"
import { rateLimit } from "./middleware"

const limiters = sharedRateLimiters()

/**
 * Global middlewares (no `methods`), so Medusa registers them ahead of every
 * route-level middleware and handler. Medusa's own namespace middlewares run
 * before any of them: CORS, the publishable-key check and authenticate for
 * `/store` (optional) and `/admin` (required). So `req.auth_context` is set
 * here for signed-in actors, and an unauthenticated `/admin` request has
 * already been answered 401 before it reaches the admin limiter.
 */
export const rateLimitMiddlewares: MiddlewareRoute[] = [
  { matcher: "/auth*", middlewares: [rateLimit("auth", limiters)] },
  { matcher: "/store*", middlewares: [rateLimit("store", limiters)] },
  { matcher: "/admin*", middlewares: [rateLimit("admin", limiters)] },
  { matcher: "/hooks*", middlewares: [rateLimit("hooks", limiters)] },
]
