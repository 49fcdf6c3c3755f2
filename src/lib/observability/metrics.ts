import type { IncomingMessage } from "node:http"
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client"
import type { BroadcastTransport, DeliveryResult, NotificationChannel } from "../notifications/types"

/**
 * The process's Prometheus metrics. One registry per process: each server
 * and each worker exposes its own counters (servers at `GET /metrics`, a
 * worker on `METRICS_PORT`), and Prometheus adds them up.
 */
export const metricsRegistry = new Registry()

collectDefaultMetrics({ register: metricsRegistry })

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
const LAG_BUCKETS = [0.01, 0.05, 0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300]

export const httpRequestsTotal = new Counter({
  name: "http_requests_total",
  help: "HTTP requests answered, by method, route pattern and status",
  labelNames: ["method", "route", "status"] as const,
  registers: [metricsRegistry],
})

export const httpRequestDuration = new Histogram({
  name: "http_request_duration_seconds",
  help: "Time from a request's arrival to the end of its response, by method, route pattern and status",
  labelNames: ["method", "route", "status"] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
})

export const paymentWebhooksTotal = new Counter({
  name: "payment_webhooks_total",
  help: "Payment webhook deliveries by provider and outcome (accepted: verified and queued for Medusa; invalid_signature; rate_limited; error)",
  labelNames: ["provider", "outcome"] as const,
  registers: [metricsRegistry],
})

export const notificationsTotal = new Counter({
  name: "notifications_total",
  help: "Messages handed to a provider, by kind (transactional or broadcast), channel and outcome (sent, failed, retry)",
  labelNames: ["kind", "channel", "outcome"] as const,
  registers: [metricsRegistry],
})

export const rateLimitRejectionsTotal = new Counter({
  name: "rate_limit_rejections_total",
  help: "Requests answered 429 by a rate limit, by scope (auth, store, admin, hooks) and route pattern",
  labelNames: ["scope", "route"] as const,
  registers: [metricsRegistry],
})

export const analyticsEventsDroppedTotal = new Counter({
  name: "analytics_events_dropped_total",
  help: "Storefront analytics events (product views, checkout starts) not tracked because more arrived than the process tracks at once",
  labelNames: ["event"] as const,
  registers: [metricsRegistry],
})

export const analyticsEventsPending = new Gauge({
  name: "analytics_events_pending",
  help: "Storefront analytics events being tracked or waiting to be, in this process",
  registers: [metricsRegistry],
})

export const eventBusLag = new Histogram({
  name: "event_bus_lag_seconds",
  help: "Time from emitting the heartbeat event to its subscriber starting: how long events wait in the event bus",
  buckets: LAG_BUCKETS,
  registers: [metricsRegistry],
})

export const scheduledJobDelay = new Histogram({
  name: "scheduled_job_delay_seconds",
  help: "How late the every-minute heartbeat job starts after its scheduled minute: how far behind scheduled jobs run",
  buckets: LAG_BUCKETS,
  registers: [metricsRegistry],
})

export const broadcastsActive = new Gauge({
  name: "broadcasts_active",
  help: "Broadcasts scheduled or sending, read at scrape time",
  labelNames: ["status"] as const,
  registers: [metricsRegistry],
})

export const broadcastRecipients = new Gauge({
  name: "broadcast_recipients",
  help: "Recipients of each sending broadcast by status (queued, sent, failed, skipped), read at scrape time",
  labelNames: ["broadcast_id", "status"] as const,
  registers: [metricsRegistry],
})

/** The namespaces this app serves; any other first path segment is labelled `other`. */
const NAMESPACES = ["admin", "store", "auth", "hooks", "app", "docs", "metrics", "health"] as const

/** The part of a URL before its query, which may hold tokens. */
export const pathOf = (url: string | undefined): string => (url ?? "/").split("?")[0] || "/"

const namespaceOf = (path: string): string => {
  const first = path.split("/")[1] ?? ""
  return (NAMESPACES as readonly string[]).includes(first) ? first : "other"
}

/** What Express and Medusa add to a request while it is handled. */
export type ObservedRequest = IncomingMessage & {
  originalUrl?: string
  route?: { path?: unknown }
  requestId?: string
  auth_context?: { actor_id?: string; actor_type?: string }
}

/** A path segment that is an id: Medusa's `prefix_ULID`, a UUID, a number or another long token with digits. */
const ID_SEGMENT = /^([a-z]+_[0-9a-z]{10,}|[0-9a-f]{8}-[0-9a-f-]{27}|\d+|(?=.*\d)[\w-]{16,})$/i

/** A path with its id segments written `:id`. */
export const collapseIds = (path: string): string =>
  path
    .split("/")
    .map((segment) => (ID_SEGMENT.test(segment) ? ":id" : segment))
    .join("/")

/**
 * A request's route for metric labels and logs, never a raw path:
 * - the Express route pattern it matched (`/store/orders/:id/tracking`);
 * - else, for a store success (a cached response, answered before Medusa's
 *   router), its path with ids collapsed: only real routes are cached, so the set stays small;
 * - else its namespace (`/admin/*` for a request Medusa refused before any
 *   route, e.g. an unauthenticated one), or `unmatched`.
 */
export function routeLabel(req: ObservedRequest, status?: number): string {
  if (typeof req.route?.path === "string") {
    return req.route.path
  }
  const path = pathOf(req.originalUrl ?? req.url)
  const namespace = namespaceOf(path)
  if (namespace === "health" || namespace === "metrics" || namespace === "docs") {
    return `/${namespace}`
  }
  if (namespace === "other") {
    return "unmatched"
  }
  // Only the store's response cache succeeds without a route; the dashboard (`/app`) answers any path.
  return namespace === "store" && status !== undefined && status < 400
    ? collapseIds(path.replace(/\/+$/, ""))
    : `/${namespace}/*`
}

/** The payment providers this store receives webhooks from (Medusa's `<provider>_<id>` names). */
const PAYMENT_WEBHOOK_PROVIDERS = new Set(["paystack_paystack", "stripe_stripe"])

function webhookOutcome(status: number): string {
  if (status < 300) {
    return "accepted"
  }
  if (status === 401) {
    return "invalid_signature"
  }
  return status === 429 ? "rate_limited" : "error"
}

/** Counts one answered request; payment webhooks also by provider and outcome. */
export function recordHttpRequest(req: ObservedRequest, status: number, seconds: number) {
  const labels = { method: req.method ?? "GET", route: routeLabel(req, status), status: String(status) }
  httpRequestsTotal.inc(labels)
  httpRequestDuration.observe(labels, seconds)
  const webhook = /^\/hooks\/payment\/([^/]+)\/?$/.exec(pathOf(req.originalUrl ?? req.url))
  if (webhook && req.method === "POST") {
    const provider = PAYMENT_WEBHOOK_PROVIDERS.has(webhook[1]) ? webhook[1].split("_")[0] : "unknown"
    paymentWebhooksTotal.inc({ provider, outcome: webhookOutcome(status) })
  }
}

/** Counts a 429 from a rate limit, by the request's namespace and route. */
export function recordRateLimitRejection(req: ObservedRequest | undefined) {
  if (!req) {
    return
  }
  rateLimitRejectionsTotal.inc({ scope: namespaceOf(pathOf(req.originalUrl ?? req.url)), route: routeLabel(req) })
}

type NotificationOutcome = DeliveryResult["status"]

/** Counts messages by channel and outcome. */
export function recordNotifications(
  kind: "transactional" | "broadcast",
  outcomes: { channel: string; outcome: NotificationOutcome }[]
) {
  for (const { channel, outcome } of outcomes) {
    notificationsTotal.inc({ kind, channel, outcome })
  }
}

/** The same transports, each counting what its sends report. */
export function countedTransports<T extends Record<NotificationChannel, BroadcastTransport>>(transports: T): T {
  const counted = Object.fromEntries(
    Object.entries(transports).map(([channel, transport]) => [
      channel,
      {
        channel: transport.channel,
        batchSize: transport.batchSize,
        mode: transport.mode,
        async send(...args: Parameters<BroadcastTransport["send"]>) {
          const results = await transport.send(...args)
          recordNotifications(
            "broadcast",
            results.map((result) => ({ channel: transport.channel, outcome: result.status }))
          )
          return results
        },
      } satisfies BroadcastTransport,
    ])
  )
  return counted as T
}

/** Prometheus text for the whole registry. */
export const renderMetrics = (): Promise<string> => metricsRegistry.metrics()

export const METRICS_CONTENT_TYPE = metricsRegistry.contentType
