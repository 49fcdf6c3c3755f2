import * as Sentry from "@sentry/node"
import type { Event } from "@sentry/node"
import { ObservedRequest, pathOf, routeLabel } from "./metrics"

export type SentrySettings = { SENTRY_DSN?: string; NODE_ENV: string }

/** Test hook: Sentry's `transport` option (where events go instead of the DSN's host). */
type InitOverrides = Pick<Sentry.NodeOptions, "transport">

/**
 * Keeps personal data and tokens out of events: the URL without its query,
 * no cookies, headers or body.
 */
export function scrubEvent<T extends Event>(event: T): T {
  if (event.request) {
    event.request = {
      method: event.request.method,
      url: event.request.url ? pathOf(event.request.url) : undefined,
    }
  }
  return event
}

let initialised = false

/**
 * Starts Sentry when `SENTRY_DSN` is set (once per process); errors only, no
 * tracing (that is OpenTelemetry's job, see instrumentation.ts).
 */
export function initSentry(settings: SentrySettings, overrides: InitOverrides = {}): boolean {
  if (initialised || !settings.SENTRY_DSN) {
    return initialised
  }
  Sentry.init({
    dsn: settings.SENTRY_DSN,
    environment: settings.NODE_ENV,
    // No user details, cookies, headers, bodies, query strings, query data or local variables.
    dataCollection: {
      userInfo: false,
      cookies: false,
      httpHeaders: false,
      httpBodies: [],
      urlQueryParams: false,
      databaseQueryData: false,
      queues: false,
      stackFrameVariables: false,
    },
    beforeSend: (event) => scrubEvent(event),
    beforeBreadcrumb: (breadcrumb) => {
      if (typeof breadcrumb.data?.url === "string") {
        breadcrumb.data.url = pathOf(breadcrumb.data.url)
      }
      return breadcrumb
    },
    ...overrides,
  })
  initialised = true
  return true
}

/** Sends a 5xx's error to Sentry (when started) tagged with the request id, route and actor type. */
export function reportServerError(error: unknown, req: ObservedRequest): void {
  if (!initialised) {
    return
  }
  Sentry.withScope((scope) => {
    if (req.requestId) {
      scope.setTag("request_id", req.requestId)
    }
    scope.setTag("route", routeLabel(req))
    scope.setTag("method", req.method ?? "GET")
    if (req.auth_context?.actor_type) {
      scope.setTag("actor_type", req.auth_context.actor_type)
    }
    Sentry.captureException(error)
  })
}

/** Waits for queued events to be sent (shutdown, tests). */
export const flushSentry = (timeoutMs = 2000): Promise<boolean> => Sentry.flush(timeoutMs)
