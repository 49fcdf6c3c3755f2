import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { observeHttpRequests } from "../lib/observability/http"
import { REQUEST_ID_HEADER, requestContext, requestIdFrom } from "../lib/observability/request-context"

// Every request from its arrival: id, metrics and the request log line (see the observer).
observeHttpRequests()

/**
 * Runs the rest of the request with its id in context, so each log line written
 * while it is handled carries `request_id`. The id is Medusa's `req.requestId`,
 * which the observer has already taken from `X-Request-Id` (or generated) and
 * echoed; a request that did not pass the observer gets the same treatment here.
 */
export function requestIdMiddleware(
  req: Pick<MedusaRequest, "headers"> & { requestId?: string },
  res: Pick<MedusaResponse, "getHeader" | "setHeader" | "headersSent">,
  next: MedusaNextFunction
) {
  const id = req.requestId ?? requestIdFrom(req.headers[REQUEST_ID_HEADER])
  req.requestId = id
  if (!res.headersSent && res.getHeader("X-Request-Id") !== id) {
    res.setHeader("X-Request-Id", id)
  }
  requestContext.run({ request_id: id }, () => next())
}

export const requestIdMiddlewares: MiddlewareRoute[] = [{ matcher: "*", middlewares: [requestIdMiddleware] }]
