import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http"
import { randomBytes } from "node:crypto"
import { gunzipSync } from "node:zlib"
import type { AddressInfo } from "node:net"

/**
 * A value decoded from a query string or an `application/x-www-form-urlencoded`
 * body using Stripe's bracket notation (`metadata[a]=1`, `expand[0]=x`).
 */
export type ParsedValue = string | ParsedValue[] | ParsedObject

export interface ParsedObject {
  [key: string]: ParsedValue
}

export interface RecordedRequest {
  method: string
  /** Path without the query string, e.g. `/v1/payment_intents/pi_123` */
  path: string
  query: ParsedObject
  headers: IncomingHttpHeaders
  /**
   * Parsed body: JSON value for JSON bodies, a bracket-decoded object for
   * form bodies, `{}` for an empty body and the raw string for anything else
   * (including JSON that does not parse).
   */
  body: unknown
  rawBody: string
}

export interface FakeResponse {
  status: number
  /** JSON-encoded, or sent as it is when a Buffer (set `content-type` in `headers`). */
  body?: unknown
  headers?: Record<string, string>
}

export type FakeHandler = (
  request: RecordedRequest
) => FakeResponse | Promise<FakeResponse>

export interface HttpFakeOptions {
  /** Vendor-shaped error body used by `failNext` and for handler crashes. */
  errorBody?: (status: number) => unknown
  /** Extra headers added to every response (e.g. a request id). */
  responseHeaders?: () => Record<string, string>
  /** Called by `reset()` after the request log has been cleared. */
  onReset?: () => void
  /** Milliseconds to wait before answering each request (see also `setLatency`). */
  latencyMs?: number
}

export interface HttpFake {
  /** Base URL, e.g. `http://127.0.0.1:12345` (no trailing slash). */
  readonly url: string
  readonly port: number
  /** Every request received, in order (including injected failures). */
  readonly requests: RecordedRequest[]
  close(): Promise<void>
  /** Clears the request log, pending injected failures and vendor state. */
  reset(): void
  /**
   * The next `count` requests are answered with `status` and a vendor error
   * body, plus `headers` (e.g. `{ "Retry-After": "1" }` on a 429). With
   * `after`, that many requests are first answered normally.
   */
  failNext(
    count: number,
    status?: number,
    headers?: Record<string, string>,
    options?: { after?: number }
  ): void
  /** Waits `ms` before answering each request from now on, e.g. to test timeouts or pacing. */
  setLatency(ms: number): void
}

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"])

function isIndex(segment: string): boolean {
  return /^\d+$/.test(segment)
}

function splitKey(key: string): string[] {
  const open = key.indexOf("[")
  if (open <= 0) {
    return [key]
  }
  const segments = [key.slice(0, open)]
  const pattern = /\[([^[\]]*)\]/g
  let position = open
  pattern.lastIndex = open
  let match = pattern.exec(key)
  while (match && match.index === position) {
    segments.push(match[1])
    position = pattern.lastIndex
    match = pattern.exec(key)
  }
  return position === key.length ? segments : [key]
}

type Container = ParsedObject | ParsedValue[]

function arrayToObject(values: ParsedValue[]): ParsedObject {
  const result: ParsedObject = {}
  values.forEach((value, index) => {
    result[String(index)] = value
  })
  return result
}

function readChild(
  container: Container,
  segment: string
): ParsedValue | undefined {
  if (Array.isArray(container)) {
    return isIndex(segment) ? container[Number(segment)] : undefined
  }
  return Object.prototype.hasOwnProperty.call(container, segment)
    ? container[segment]
    : undefined
}

function writeChild(
  container: Container,
  segment: string,
  value: ParsedValue
): void {
  if (Array.isArray(container)) {
    if (segment === "") {
      container.push(value)
    } else {
      container[Number(segment)] = value
    }
    return
  }
  container[segment] = value
}

function setDeep(root: ParsedObject, segments: string[], value: string): void {
  let container: Container = root
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]
    if (i === segments.length - 1) {
      writeChild(container, segment, value)
      return
    }
    const next = segments[i + 1]
    const wantsArray = next === "" || isIndex(next)
    let child: ParsedValue | undefined =
      segment === "" ? undefined : readChild(container, segment)
    if (child === undefined || typeof child === "string") {
      child = wantsArray ? [] : {}
      writeChild(container, segment, child)
    } else if (Array.isArray(child) && !wantsArray) {
      child = arrayToObject(child)
      writeChild(container, segment, child)
    }
    container = child
  }
}

function compact(value: ParsedValue): ParsedValue {
  if (typeof value === "string") {
    return value
  }
  if (Array.isArray(value)) {
    const result: ParsedValue[] = []
    value.forEach((item) => {
      result.push(compact(item))
    })
    return result
  }
  const result: ParsedObject = {}
  for (const [key, item] of Object.entries(value)) {
    result[key] = compact(item)
  }
  return result
}

/**
 * Decodes `key=value` pairs using bracket notation into nested objects and
 * arrays: `metadata[session_id]=x` → `{ metadata: { session_id: "x" } }`,
 * `expand[0]=y` / `expand[]=y` → `{ expand: ["y"] }`.
 */
export function parseBracketParams(
  pairs: Iterable<[string, string]>
): ParsedObject {
  const root: ParsedObject = {}
  for (const [key, value] of pairs) {
    const segments = splitKey(key)
    if (segments.some((segment) => FORBIDDEN_KEYS.has(segment))) {
      continue
    }
    setDeep(root, segments, value)
  }
  const result = compact(root)
  return typeof result === "object" && !Array.isArray(result) ? result : {}
}

function parseBody(contentType: string, rawBody: string): unknown {
  if (rawBody === "") {
    return {}
  }
  if (contentType.includes("application/x-www-form-urlencoded")) {
    return parseBracketParams(new URLSearchParams(rawBody))
  }
  const trimmed = rawBody.trim()
  if (
    contentType.includes("json") ||
    (contentType === "" && (trimmed.startsWith("{") || trimmed.startsWith("[")))
  ) {
    try {
      return JSON.parse(rawBody) as unknown
    } catch {
      return rawBody
    }
  }
  return rawBody
}

/** The body as text, gunzipped first when the client sent `Content-Encoding: gzip` (PostHog's SDK does). */
function readRawBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on("data", (chunk: Buffer) => chunks.push(chunk))
    req.on("end", () => {
      try {
        const body = Buffer.concat(chunks)
        const gzipped = String(req.headers["content-encoding"] ?? "").toLowerCase() === "gzip"
        resolve((gzipped ? gunzipSync(body) : body).toString("utf8"))
      } catch (error) {
        reject(error)
      }
    })
    req.on("error", reject)
  })
}

function send(
  res: ServerResponse,
  response: FakeResponse,
  extraHeaders: Record<string, string>
): void {
  const binary = Buffer.isBuffer(response.body)
  const payload: string | Buffer = binary
    ? (response.body as Buffer)
    : response.body === undefined
      ? ""
      : JSON.stringify(response.body)
  res.writeHead(response.status, {
    "content-type": binary ? "application/octet-stream" : "application/json",
    "content-length": String(Buffer.byteLength(payload)),
    ...extraHeaders,
    ...response.headers,
  })
  res.end(payload)
}

function defaultErrorBody(status: number): unknown {
  return { error: `Injected failure (HTTP ${status})` }
}

/**
 * Starts a loopback HTTP server on 127.0.0.1 (random port) that records every
 * request and delegates to `handler`.
 */
/** Starts `server` on a free loopback port; `close` also ends its open connections. */
export async function listenOnLoopback(server: Server): Promise<{ url: string; port: number; close: () => Promise<void> }> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}

export async function startHttpFake(
  handler: FakeHandler,
  options: HttpFakeOptions = {}
): Promise<HttpFake> {
  const requests: RecordedRequest[] = []
  const errorBody = options.errorBody ?? defaultErrorBody
  let pendingFailures = 0
  let failureStatus = 500
  let failureHeaders: Record<string, string> = {}
  let passBeforeFailing = 0
  let latencyMs = options.latencyMs ?? 0

  const server = createServer((req, res) => {
    void (async () => {
      const extraHeaders = options.responseHeaders?.() ?? {}
      try {
        const rawBody = await readRawBody(req)
        const url = new URL(req.url ?? "/", "http://127.0.0.1")
        const contentType = String(req.headers["content-type"] ?? "")
        const recorded: RecordedRequest = {
          method: (req.method ?? "GET").toUpperCase(),
          path: url.pathname,
          query: parseBracketParams(url.searchParams),
          headers: req.headers,
          body: parseBody(contentType, rawBody),
          rawBody,
        }
        requests.push(recorded)

        // Decided on arrival, so concurrent requests fail in the order they came.
        let inject = false
        if (pendingFailures > 0 && passBeforeFailing > 0) {
          passBeforeFailing--
        } else if (pendingFailures > 0) {
          pendingFailures--
          inject = true
        }
        if (latencyMs > 0) {
          await new Promise((resolve) => setTimeout(resolve, latencyMs))
        }
        if (inject) {
          send(
            res,
            {
              status: failureStatus,
              body: errorBody(failureStatus),
              headers: failureHeaders,
            },
            extraHeaders
          )
          return
        }

        const response = await handler(recorded)
        send(res, response, extraHeaders)
      } catch {
        if (!res.headersSent) {
          send(res, { status: 500, body: errorBody(500) }, extraHeaders)
        } else {
          res.end()
        }
      }
    })()
  })

  const { url, port, close } = await listenOnLoopback(server)

  return {
    url,
    port,
    requests,
    close,
    reset: () => {
      requests.length = 0
      pendingFailures = 0
      failureStatus = 500
      failureHeaders = {}
      passBeforeFailing = 0
      latencyMs = options.latencyMs ?? 0
      options.onReset?.()
    },
    failNext: (
      count: number,
      status = 500,
      headers: Record<string, string> = {},
      { after = 0 }: { after?: number } = {}
    ) => {
      pendingFailures = Math.max(0, Math.floor(count))
      failureStatus = status
      failureHeaders = headers
      passBeforeFailing = Math.max(0, Math.floor(after))
    },
    setLatency: (ms: number) => {
      latencyMs = Math.max(0, ms)
    },
  }
}

/** Narrows an unknown parsed body/query to a plain object (else `{}`). */
export function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}
}

/** Reads a single (case-insensitive) header value. */
export function headerValue(
  headers: IncomingHttpHeaders,
  name: string
): string | undefined {
  const value = headers[name.toLowerCase()]
  return Array.isArray(value) ? value[0] : value
}

/** A random string of `length` characters from `alphabet`, for vendor-like ids. */
export function randomString(length: number, alphabet: string): string {
  return Array.from(randomBytes(length), (byte) => alphabet[byte % alphabet.length]).join("")
}
