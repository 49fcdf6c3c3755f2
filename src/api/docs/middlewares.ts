import { authenticate, MiddlewareRoute } from "@medusajs/framework/http"
import { env } from "../../config"

/**
 * `/docs` is open in development; in production it takes an admin's
 * credentials, as `/admin` does: a token, the dashboard's cookie session (so
 * a signed-in admin can open it in the browser), or a secret API key.
 */
export const docsMiddlewares: MiddlewareRoute[] =
  env.NODE_ENV === "production"
    ? [{ matcher: "/docs*", middlewares: [authenticate("user", ["bearer", "session", "api-key"])] }]
    : []
