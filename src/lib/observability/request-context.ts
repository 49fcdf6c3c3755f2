import { AsyncLocalStorage } from "node:async_hooks"
import { randomUUID } from "node:crypto"

export type RequestContext = { request_id: string }

/** The request being handled, for log lines written while it runs. */
export const requestContext = new AsyncLocalStorage<RequestContext>()

/** An id a client or proxy may send: short, printable, no spaces (anything else is replaced). */
const ACCEPTED_REQUEST_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/

export const REQUEST_ID_HEADER = "x-request-id"

/** The caller's `X-Request-Id` when it looks like an id, else a new UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header
  return value && ACCEPTED_REQUEST_ID.test(value) ? value : randomUUID()
}
