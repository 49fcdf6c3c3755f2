import { errorHandler as medusaErrorHandler, MedusaErrorHandlerFunction } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { reportServerError } from "../lib/observability/sentry"

const coreErrorHandler = medusaErrorHandler()

/**
 * Medusa's error handler, except that a `CONFLICT` this project raises keeps
 * its message: core replaces every 409's message with a generic "retry with an
 * Idempotency-Key", which would hide why (e.g. a reply outside WhatsApp's
 * 24-hour window needs a template).
 */
export const errorHandler: MedusaErrorHandlerFunction = (error, req, res, next) => {
  if (MedusaError.isMedusaError(error) && error.type === MedusaError.Types.CONFLICT) {
    res.status(409).json({ type: error.type, message: error.message })
    return
  }
  coreErrorHandler(error, req, res, next)
  if (res.statusCode >= 500) {
    reportServerError(error, req)
  }
}
