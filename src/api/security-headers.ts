import { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { env } from "../config"

export const HSTS = "max-age=31536000; includeSubDomains"

/**
 * Drops `X-Powered-By` and, in production, sends HSTS. Express sets
 * `X-Powered-By` in its first (init) layer, so removing it here, before any
 * handler writes, works for this response; disabling the setting on the app
 * stops it for every later response, including those of routers mounted
 * ahead of the API (the admin dashboard at `/app`).
 */
export function securityHeaders({ hsts }: { hsts: boolean }) {
  return function securityHeadersMiddleware(
    req: Pick<MedusaRequest, "app">,
    res: MedusaResponse,
    next: MedusaNextFunction
  ) {
    if (req.app.enabled("x-powered-by")) {
      req.app.disable("x-powered-by")
    }
    res.removeHeader("X-Powered-By")
    if (hsts) {
      res.setHeader("Strict-Transport-Security", HSTS)
    }
    next()
  }
}

export const securityHeadersMiddlewares: MiddlewareRoute[] = [
  { matcher: "*", middlewares: [securityHeaders({ hsts: env.NODE_ENV === "production" })] },
]
