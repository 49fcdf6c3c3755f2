import { subscribe, unsubscribe } from "node:diagnostics_channel"
import type { IncomingMessage, ServerResponse } from "node:http"
import { currentApplicationLogger } from "./logger"
import { ObservedRequest, pathOf, recordHttpRequest, routeLabel } from "./metrics"
import { REQUEST_ID_HEADER, requestIdFrom } from "./request-context"

type RequestStart = { request: IncomingMessage; response: ServerResponse }

/**
 * What happens when a request ends: its metrics and its log line. Only for
 * requests Medusa's app handled (it sets `requestId` first thing), so other
 * servers in the same process (tests' loopback fakes) are left out.
 */
export function requestFinished(req: ObservedRequest, status: number, startedAt: bigint) {
  if (!req.requestId) {
    return
  }
  const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9
  recordHttpRequest(req, status, seconds)
  currentApplicationLogger()?.requestLine({
    request_id: req.requestId,
    method: req.method ?? "GET",
    route: routeLabel(req, status),
    path: pathOf(req.originalUrl ?? req.url),
    status,
    duration_ms: Math.round(seconds * 1e6) / 1e3,
    ...(req.auth_context?.actor_id
      ? { actor_type: req.auth_context.actor_type, actor_id: req.auth_context.actor_id }
      : {}),
  })
}

/**
 * Gives a request its id (the caller's `X-Request-Id` when it looks like one,
 * else a UUID), which Medusa then reads as `req.requestId`, and answers it in
 * `X-Request-Id`.
 */
export function assignRequestId(request: IncomingMessage, response: ServerResponse): string {
  const id = requestIdFrom(request.headers[REQUEST_ID_HEADER])
  request.headers[REQUEST_ID_HEADER] = id
  if (!response.headersSent) {
    response.setHeader("X-Request-Id", id)
  }
  return id
}

const CHANNEL = "http.server.request.start"

/** The process-wide subscriber, shared by every copy of this module (a test runner may load several). */
const SUBSCRIBER = Symbol.for("naira-dollar-store.observability.http-subscriber")
type WithSubscriber = typeof globalThis & { [SUBSCRIBER]?: (message: unknown) => void }

function onRequestStart(message: unknown) {
  const { request, response } = message as RequestStart
  const startedAt = process.hrtime.bigint()
  assignRequestId(request, response)
  let done = false
  const finish = () => {
    if (!done) {
      done = true
      // 499 (nginx's "client closed request"): the caller hung up before the answer was sent.
      requestFinished(request as ObservedRequest, response.writableFinished ? response.statusCode : 499, startedAt)
    }
  }
  // Medusa, Express and this project's middlewares each watch the end of a response (a
  // dozen listeners is normal here, not a leak): keep Node from warning on every request.
  response.setMaxListeners(Math.max(response.getMaxListeners(), 32))
  response.once("finish", finish)
  response.once("close", finish)
}

/**
 * Watches every HTTP request of this process from its arrival (Node's
 * `http.server.request.start` channel), before any Express middleware: so
 * requests Medusa answers itself (CORS preflight, a missing publishable key,
 * an unauthenticated `/admin` call) are counted and logged too, with the
 * route pattern they matched, if any, and their actor once authenticated.
 * One subscriber per process: a later call replaces the earlier one.
 */
export function observeHttpRequests() {
  const global = globalThis as WithSubscriber
  if (global[SUBSCRIBER] === onRequestStart) {
    return
  }
  if (global[SUBSCRIBER]) {
    unsubscribe(CHANNEL, global[SUBSCRIBER])
  }
  global[SUBSCRIBER] = onRequestStart
  subscribe(CHANNEL, onRequestStart)
}
