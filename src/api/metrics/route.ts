import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { env } from "../../config"
import { collectBroadcastProgress } from "../../lib/observability/broadcast-progress"
import { METRICS_CONTENT_TYPE, renderMetrics } from "../../lib/observability/metrics"
import { metricsAccess } from "../../lib/observability/metrics-access"

/**
 * Prometheus metrics of this server process. With METRICS_TOKEN set it takes
 * `Authorization: Bearer <METRICS_TOKEN>` (401 otherwise); without it, it is
 * open outside production and answers 404 in production.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const access = metricsAccess(req.headers.authorization, env)
  if (access === "not_found") {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "Not found")
  }
  if (access === "unauthorized") {
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "A valid metrics token is required")
  }
  await collectBroadcastProgress(req.scope)
  res.setHeader("Content-Type", METRICS_CONTENT_TYPE)
  res.send(await renderMetrics())
}
