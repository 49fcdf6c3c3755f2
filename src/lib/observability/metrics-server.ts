import { createServer, Server } from "node:http"
import { metricsAccess, MetricsAccessSettings } from "./metrics-access"
import { METRICS_CONTENT_TYPE, pathOf, renderMetrics } from "./metrics"

/**
 * `GET /metrics` on a port of its own, for a worker (`MEDUSA_WORKER_MODE=worker`
 * serves no API routes): its notification, broadcast delivery, event-bus and
 * job lag counters live in the worker process. Same access rule as the route.
 */
export function startMetricsServer(
  port: number,
  settings: MetricsAccessSettings,
  onError: (error: Error) => void,
  host?: string
): Server {
  const server = createServer(async (req, res) => {
    if (req.method !== "GET" || pathOf(req.url) !== "/metrics") {
      res.writeHead(404).end()
      return
    }
    const access = metricsAccess(req.headers.authorization, settings)
    if (access !== "allowed") {
      res.writeHead(access === "unauthorized" ? 401 : 404, { "content-type": "application/json" })
      res.end(JSON.stringify(access === "unauthorized" ? { type: "unauthorized", message: "Unauthorized" } : {}))
      return
    }
    try {
      const body = await renderMetrics()
      res.writeHead(200, { "content-type": METRICS_CONTENT_TYPE }).end(body)
    } catch {
      res.writeHead(500).end()
    }
  })
  // A port already taken (two workers on one host) costs the metrics, not the worker.
  server.on("error", onError)
  server.listen(port, host)
  // Never keeps a finishing worker alive.
  server.unref()
  return server
}
