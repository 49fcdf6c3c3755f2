import { setTimeout as sleep } from "node:timers/promises"

/** How often and how patiently a vendor call is retried. */
export type RetryPolicy = {
  /** Tries in all, the first included. */
  attempts: number
  /** First backoff ceiling; doubles each attempt (full jitter picks 0..ceiling). */
  baseDelayMs: number
  /** Largest backoff ceiling. */
  maxDelayMs: number
  /**
   * Longest `Retry-After` worth waiting for inside one call; a longer one (a daily
   * quota, say) gives up at once so the caller can try again on a later run.
   */
  maxRetryAfterMs: number
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 30_000,
}

export type RetryOptions = Partial<RetryPolicy> & {
  /**
   * Turns an error that is not a `RetryableError` into one when it is transient;
   * anything else it returns `undefined` for is thrown at once.
   */
  classify?: (error: unknown) => RetryableError | undefined
  /** Called before each wait, e.g. to log the retry. */
  onRetry?: (event: { attempt: number; delayMs: number; error: RetryableError }) => void
  /** For tests: the random source of the jitter (0 <= x < 1). */
  random?: () => number
  /** For tests: how to wait. */
  wait?: (ms: number) => Promise<unknown>
}

/**
 * A failure worth trying again: 429, 5xx, a network error or a timeout. When
 * every attempt has failed, `withRetry` throws the last one, so callers can tell
 * "try later" (`instanceof RetryableError`) from a permanent refusal.
 */
export class RetryableError extends Error {
  readonly status?: number
  /** The wait the server asked for (`Retry-After`), in milliseconds. */
  readonly retryAfterMs?: number
  /** The underlying error (a socket error, the vendor's exception). */
  readonly cause?: unknown

  constructor(
    message: string,
    options: { status?: number; retryAfterMs?: number; cause?: unknown } = {}
  ) {
    super(message)
    this.name = "RetryableError"
    this.status = options.status
    this.retryAfterMs = options.retryAfterMs
    this.cause = options.cause
  }
}

/** 429 and every 5xx are worth retrying; any other 4xx is the caller's mistake. */
export const isTransientStatus = (status: number): boolean => status === 429 || status >= 500

/**
 * `Retry-After` as milliseconds to wait: delta-seconds (`"1"`, `"1.5"`) or an HTTP
 * date (`"Wed, 21 Oct 2015 07:28:00 GMT"`); `undefined` when absent or unreadable.
 */
export function parseRetryAfter(
  value: string | string[] | null | undefined,
  now: number = Date.now()
): number | undefined {
  const raw = (Array.isArray(value) ? value[0] : value)?.trim()
  if (!raw) {
    return undefined
  }
  if (/^\d+(\.\d+)?$/.test(raw)) {
    return Math.round(Number(raw) * 1000)
  }
  // An HTTP date names its weekday or month; anything else is not one.
  const at = /[a-z]/i.test(raw) ? Date.parse(raw) : Number.NaN
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}

/**
 * The retryable error for an HTTP answer, or `undefined` when the status is
 * permanent. `Retry-After` is honoured on 429 and 503, where servers send it.
 */
export function retryableForStatus(
  status: number,
  message: string,
  retryAfter?: string | string[] | null
): RetryableError | undefined {
  if (!isTransientStatus(status)) {
    return undefined
  }
  const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(retryAfter) : undefined
  return new RetryableError(message, { status, retryAfterMs })
}

/** The full-jitter backoff before attempt `attempt + 1`. */
export function backoffDelay(
  attempt: number,
  policy: Pick<RetryPolicy, "baseDelayMs" | "maxDelayMs">,
  random: () => number = Math.random
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1))
  return Math.floor(random() * ceiling)
}

/**
 * Runs `fn` until it succeeds, retrying `RetryableError`s (and what `classify`
 * calls transient) with exponential backoff and full jitter, or the server's
 * `Retry-After`. Other errors are thrown at once; after the last attempt the last
 * `RetryableError` is thrown.
 */
export async function withRetry<T>(
  fn: (attempt: number) => Promise<T>,
  options: RetryOptions = {}
): Promise<T> {
  const policy = { ...DEFAULT_RETRY_POLICY, ...definedOnly(options) }
  const attempts = Math.max(1, Math.floor(policy.attempts))
  const wait = options.wait ?? sleep
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt)
    } catch (error) {
      const retryable = error instanceof RetryableError ? error : options.classify?.(error)
      if (!retryable) {
        throw error
      }
      if (attempt >= attempts) {
        throw retryable
      }
      if (retryable.retryAfterMs !== undefined && retryable.retryAfterMs > policy.maxRetryAfterMs) {
        throw retryable
      }
      const delayMs = retryable.retryAfterMs ?? backoffDelay(attempt, policy, options.random)
      options.onRetry?.({ attempt, delayMs, error: retryable })
      await wait(delayMs)
    }
  }
}

function definedOnly(options: RetryOptions): Partial<RetryPolicy> {
  const policy: Partial<RetryPolicy> = {}
  for (const key of ["attempts", "baseDelayMs", "maxDelayMs", "maxRetryAfterMs"] as const) {
    if (typeof options[key] === "number") {
      policy[key] = options[key]
    }
  }
  return policy
}

const NETWORK_ERROR_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ECONNABORTED",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  "UND_ERR_SOCKET",
])

/**
 * Whether an error thrown by `fetch` (or axios) means the request never got an
 * answer: a refused or reset connection, DNS failure, or a timeout/abort.
 * Checked by shape, not `instanceof`: fetch's errors may come from another realm.
 */
export function isNetworkError(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 3) {
    return false
  }
  const { name, code, message, cause } = error as { name?: unknown; code?: unknown; message?: unknown; cause?: unknown }
  if (name === "TimeoutError" || name === "AbortError") {
    return true
  }
  if (typeof code === "string" && NETWORK_ERROR_CODES.has(code)) {
    return true
  }
  // fetch wraps the socket error: `TypeError: fetch failed` with the cause.
  return (name === "TypeError" && message === "fetch failed") || isNetworkError(cause, depth + 1)
}
