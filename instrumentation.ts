import { registerOtel } from "@medusajs/medusa"
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http"
import { env } from "./src/config"
import { applicationLogger } from "./src/lib/observability/logger"
import { startMetricsServer } from "./src/lib/observability/metrics-server"
import { initSentry } from "./src/lib/observability/sentry"
import { RedactingSpanExporter } from "./src/lib/observability/trace-redaction"

export const OTEL_SERVICE_NAME = "naira-dollar-store"

/** Where OTLP/HTTP traces go for a collector at `endpoint` (the OTLP spec's path for traces). */
export const otlpTracesUrl = (endpoint: string) => `${endpoint.replace(/\/+$/, "")}/v1/traces`

/**
 * Run by `medusa start` and `medusa develop` before the app loads, in servers
 * and workers alike:
 * - OpenTelemetry (Medusa's integration: HTTP layer, workflows and steps,
 *   Query) when OTEL_EXPORTER_OTLP_ENDPOINT is set, exported over OTLP/HTTP;
 * - Sentry when SENTRY_DSN is set (5xx errors, uncaught exceptions);
 * - in a worker, `/metrics` on METRICS_PORT (a worker serves no API routes).
 */
export function register() {
  initSentry(env)
  if (env.OTEL_EXPORTER_OTLP_ENDPOINT) {
    registerOtel({
      serviceName: OTEL_SERVICE_NAME,
      // Credentials in headers and tokens in URLs never reach the collector.
      exporter: new RedactingSpanExporter(new OTLPTraceExporter({ url: otlpTracesUrl(env.OTEL_EXPORTER_OTLP_ENDPOINT) })),
      instrument: { http: true, workflows: true, query: true },
    })
  }
  if (env.MEDUSA_WORKER_MODE === "worker") {
    startMetricsServer(env.METRICS_PORT, env, (error) =>
      applicationLogger(env).warn(`Worker metrics on port ${env.METRICS_PORT} are off: ${error.message}`)
    )
  }
}
