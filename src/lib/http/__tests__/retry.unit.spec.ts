import { startHttpFake, type HttpFake } from "../../../../integration-tests/fakes/http-fake"
import {
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  isNetworkError,
  parseRetryAfter,
  retryableForStatus,
  RetryableError,
  withRetry,
  type RetryOptions,
} from "../retry"

/** Records the waits instead of sleeping. */
function recordingWait() {
  const waits: number[] = []
  return { waits, wait: async (ms: number) => void waits.push(ms) }
}

/** A function failing with the given errors in turn, then answering "ok". */
function failing(...errors: Error[]) {
  const calls: number[] = []
  const fn = async (attempt: number) => {
    calls.push(attempt)
    const error = errors[calls.length - 1]
    if (error) {
      throw error
    }
    return "ok"
  }
  return { fn, calls }
}

const transient = (status = 503) => new RetryableError(`HTTP ${status}`, { status })

describe("withRetry", () => {
  it("retries transient failures, then answers the result", async () => {
    const { waits, wait } = recordingWait()
    const { fn, calls } = failing(transient(), transient(502))
    await expect(withRetry(fn, { wait, random: () => 0.5 })).resolves.toBe("ok")
    expect(calls).toEqual([1, 2, 3])
    // Full jitter: half of 250 ms, then half of 500 ms.
    expect(waits).toEqual([125, 250])
  })

  it("gives up after `attempts` (4 by default) with the last retryable error", async () => {
    const { waits, wait } = recordingWait()
    const last = transient(500)
    const { fn, calls } = failing(transient(), transient(), transient(), last, transient())
    await expect(withRetry(fn, { wait })).rejects.toBe(last)
    expect(calls).toHaveLength(DEFAULT_RETRY_POLICY.attempts)
    expect(waits).toHaveLength(3)

    const twice = failing(transient(), transient(), transient())
    await expect(withRetry(twice.fn, { wait, attempts: 2 })).rejects.toBeInstanceOf(RetryableError)
    expect(twice.calls).toEqual([1, 2])
  })

  it("never retries other errors (a 4xx refusal, a bug)", async () => {
    const { waits, wait } = recordingWait()
    const refusal = new Error("422 invalid address")
    const { fn, calls } = failing(refusal)
    await expect(withRetry(fn, { wait })).rejects.toBe(refusal)
    expect(calls).toEqual([1])
    expect(waits).toEqual([])
  })

  it("waits exactly the Retry-After the server asked for instead of the backoff", async () => {
    const { waits, wait } = recordingWait()
    const { fn, calls } = failing(retryableForStatus(429, "slow down", "2")!)
    await expect(withRetry(fn, { wait, random: () => 0.99 })).resolves.toBe("ok")
    expect(calls).toEqual([1, 2])
    expect(waits).toEqual([2000])
  })

  it("gives up at once when Retry-After is longer than worth waiting for", async () => {
    const { waits, wait } = recordingWait()
    const quota = retryableForStatus(429, "daily quota", "3600")!
    const { fn, calls } = failing(quota)
    await expect(withRetry(fn, { wait, maxRetryAfterMs: 60_000 })).rejects.toBe(quota)
    expect(calls).toEqual([1])
    expect(waits).toEqual([])
  })

  it("lets a classify callback mark other errors as transient", async () => {
    const { wait } = recordingWait()
    const socket = Object.assign(new Error("socket hang up"), { code: "ECONNRESET" })
    const options: RetryOptions = {
      wait,
      classify: (error) => (isNetworkError(error) ? new RetryableError("reset", { cause: error }) : undefined),
    }
    const { fn, calls } = failing(socket)
    await expect(withRetry(fn, options)).resolves.toBe("ok")
    expect(calls).toEqual([1, 2])

    const other = failing(new Error("not a network error"))
    await expect(withRetry(other.fn, options)).rejects.toThrow("not a network error")
    expect(other.calls).toEqual([1])
  })

  it("reports each retry before waiting", async () => {
    const { wait } = recordingWait()
    const events: string[] = []
    const { fn } = failing(transient(503))
    await withRetry(fn, {
      wait,
      random: () => 0,
      onRetry: ({ attempt, delayMs, error }) => events.push(`${attempt}:${delayMs}:${error.status}`),
    })
    expect(events).toEqual(["1:0:503"])
  })

  it("sleeps for real with the configured timing", async () => {
    const { fn, calls } = failing(transient(), transient())
    const started = Date.now()
    await expect(withRetry(fn, { baseDelayMs: 1, maxDelayMs: 2 })).resolves.toBe("ok")
    expect(calls).toHaveLength(3)
    expect(Date.now() - started).toBeLessThan(1000)
  })
})

describe("backoffDelay", () => {
  it("doubles the ceiling per attempt up to the cap, with full jitter", () => {
    const policy = { baseDelayMs: 250, maxDelayMs: 10_000 }
    const top = () => 0.999999
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((attempt) => backoffDelay(attempt, policy, top))).toEqual([
      249, 499, 999, 1999, 3999, 7999, 9999, 9999,
    ])
    expect(backoffDelay(3, policy, () => 0)).toBe(0)
    for (let i = 0; i < 100; i++) {
      const delay = backoffDelay(4, policy)
      expect(delay).toBeGreaterThanOrEqual(0)
      expect(delay).toBeLessThan(2000)
    }
  })
})

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-01-01T00:00:00Z")

  it("reads delta-seconds and HTTP dates", () => {
    expect(parseRetryAfter("1", now)).toBe(1000)
    expect(parseRetryAfter(" 0 ", now)).toBe(0)
    expect(parseRetryAfter("1.5", now)).toBe(1500)
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:03 GMT", now)).toBe(3000)
    expect(parseRetryAfter(["2"], now)).toBe(2000)
  })

  it("answers 0 for a date in the past and undefined for nonsense", () => {
    expect(parseRetryAfter("Wed, 31 Dec 2025 23:59:00 GMT", now)).toBe(0)
    expect(parseRetryAfter(undefined, now)).toBeUndefined()
    expect(parseRetryAfter("", now)).toBeUndefined()
    expect(parseRetryAfter("-1", now)).toBeUndefined()
    expect(parseRetryAfter("soon", now)).toBeUndefined()
  })
})

describe("retryableForStatus", () => {
  it("treats 429 and 5xx as transient and every other 4xx as permanent", () => {
    for (const status of [429, 500, 502, 503, 504]) {
      expect(retryableForStatus(status, "x")).toBeInstanceOf(RetryableError)
    }
    for (const status of [400, 401, 403, 404, 409, 422]) {
      expect(retryableForStatus(status, "x", "1")).toBeUndefined()
    }
  })

  it("honours Retry-After on 429 and 503 only", () => {
    expect(retryableForStatus(429, "x", "1")?.retryAfterMs).toBe(1000)
    expect(retryableForStatus(503, "x", "2")?.retryAfterMs).toBe(2000)
    expect(retryableForStatus(500, "x", "2")?.retryAfterMs).toBeUndefined()
    expect(retryableForStatus(429, "x")?.retryAfterMs).toBeUndefined()
  })
})

describe("against a real HTTP server", () => {
  let fake: HttpFake

  beforeAll(async () => {
    fake = await startHttpFake(() => ({ status: 200, body: { ok: true } }))
  })

  afterAll(async () => {
    await fake.close()
  })

  beforeEach(() => fake.reset())

  const call = () =>
    withRetry(
      async () => {
        const response = await fetch(`${fake.url}/thing`, { method: "POST" })
        const transientError = retryableForStatus(
          response.status,
          `HTTP ${response.status}`,
          response.headers.get("retry-after")
        )
        if (transientError) {
          throw transientError
        }
        if (!response.ok) {
          throw new Error(`refused ${response.status}`)
        }
        return response.json()
      },
      { baseDelayMs: 1, maxDelayMs: 5 }
    )

  it("honours a 429's Retry-After: 1 and succeeds on the next try", async () => {
    fake.failNext(1, 429, { "Retry-After": "1" })
    const started = Date.now()
    await expect(call()).resolves.toEqual({ ok: true })
    expect(Date.now() - started).toBeGreaterThanOrEqual(950)
    expect(fake.requests).toHaveLength(2)
  })

  it("does not retry a 400", async () => {
    fake.failNext(1, 400)
    await expect(call()).rejects.toThrow("refused 400")
    expect(fake.requests).toHaveLength(1)
  })

  it("stops after 4 tries when the server keeps failing", async () => {
    fake.failNext(10, 502)
    await expect(call()).rejects.toMatchObject({ name: "RetryableError", status: 502 })
    expect(fake.requests).toHaveLength(4)
  })

  it("recognises a refused connection as a network error", async () => {
    const closed = await startHttpFake(() => ({ status: 200 }))
    await closed.close()
    const error = await fetch(`${closed.url}/x`).catch((e: unknown) => e)
    expect(isNetworkError(error)).toBe(true)
    expect(isNetworkError(new TypeError("Cannot read properties of undefined"))).toBe(false)
    expect(isNetworkError("nope")).toBe(false)
  })
})
