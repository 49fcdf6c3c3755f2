import { asRecord, HttpFake, startHttpFake, type FakeResponse } from "./http-fake"

/** An event as PostHog's ingestion stored it. */
export type CapturedEvent = {
  event: string
  distinct_id: string
  properties: Record<string, unknown>
  uuid?: string
  timestamp?: string
  /** Which endpoint took it. */
  via: "batch" | "capture"
}

export interface FakePostHog extends HttpFake {
  /** Every event ingested, in order; an event redelivered with a uuid already seen is stored once. */
  readonly events: CapturedEvent[]
  /** The events named `name`, in order. */
  named(name: string): CapturedEvent[]
}

type PostHogError = { type: string; code: string; detail: string; attr: string | null }

const errorResponse = (
  status: number,
  type: string,
  code: string,
  detail: string,
  attr: string | null = null
): FakeResponse => ({
  status,
  body: { type, code, detail, attr } satisfies PostHogError,
})

const invalidKey = () =>
  errorResponse(
    401,
    "authentication_error",
    "invalid_api_key",
    "Project API key invalid. You can find your project API key in PostHog project settings."
  )

/** PostHog's error body for an injected failure (`failNext`). */
function injectedError(status: number): PostHogError {
  return status >= 500
    ? { type: "server_error", code: "server_error", detail: "Internal server error.", attr: null }
    : { type: "validation_error", code: "invalid_payload", detail: `Injected failure (HTTP ${status})`, attr: null }
}

/** The event's fields, or why PostHog would refuse it. */
function readEvent(value: unknown): Omit<CapturedEvent, "via"> | string {
  const event = asRecord(value)
  if (typeof event.event !== "string" || event.event === "") {
    return "Invalid payload: All events must have the event name field 'event'!"
  }
  // PostHog accepts distinct_id at the top level or as properties.distinct_id.
  const properties = asRecord(event.properties)
  const distinctId = event.distinct_id ?? properties.distinct_id
  if ((typeof distinctId !== "string" && typeof distinctId !== "number") || String(distinctId) === "") {
    return "Invalid payload: All events must have a distinct_id!"
  }
  return {
    event: event.event,
    distinct_id: String(distinctId),
    properties,
    uuid: typeof event.uuid === "string" ? event.uuid : undefined,
    timestamp: typeof event.timestamp === "string" ? event.timestamp : undefined,
  }
}

/**
 * A loopback PostHog ingestion API: `POST /batch/` (what posthog-node sends,
 * gzipped or plain) and `POST /i/v0/e/` (one event), both keyed by the project
 * API key in the body. A batch is taken whole or refused whole.
 */
export async function startFakePostHog(options: { apiKey: string }): Promise<FakePostHog> {
  const events: CapturedEvent[] = []
  const seen = new Set<string>()

  const ingest = (batch: unknown[], via: CapturedEvent["via"]): FakeResponse => {
    const read = batch.map(readEvent)
    const refused = read.find((entry): entry is string => typeof entry === "string")
    if (refused) {
      return errorResponse(400, "validation_error", "invalid_payload", refused)
    }
    for (const entry of read as Omit<CapturedEvent, "via">[]) {
      if (entry.uuid && seen.has(entry.uuid)) {
        continue
      }
      if (entry.uuid) {
        seen.add(entry.uuid)
      }
      events.push({ ...entry, via })
    }
    return { status: 200, body: { status: "Ok" } }
  }

  const fake = await startHttpFake(
    (request) => {
      if (request.method !== "POST") {
        return errorResponse(405, "invalid_request", "method_not_allowed", "Method not allowed.")
      }
      const body = asRecord(request.body)
      const apiKey = body.api_key ?? body.token
      if (request.path === "/batch/" || request.path === "/batch") {
        if (apiKey !== options.apiKey) {
          return invalidKey()
        }
        if (!Array.isArray(body.batch)) {
          return errorResponse(400, "validation_error", "invalid_payload", "Invalid payload: 'batch' must be a list.", "batch")
        }
        return ingest(body.batch, "batch")
      }
      if (request.path === "/i/v0/e/" || request.path === "/i/v0/e") {
        return apiKey === options.apiKey ? ingest([body], "capture") : invalidKey()
      }
      return errorResponse(404, "invalid_request", "not_found", "Endpoint not found.")
    },
    {
      errorBody: injectedError,
      onReset: () => {
        events.length = 0
        seen.clear()
      },
    }
  )

  return Object.assign(fake, {
    events,
    named: (name: string) => events.filter((event) => event.event === name),
  })
}
