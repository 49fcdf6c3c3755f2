import type { Envelope } from "@sentry/core"
import { flushSentry, initSentry, reportServerError, scrubEvent } from "../sentry"

const envelopes: Envelope[] = []

/** Sentry's transport option: keeps envelopes instead of sending them to the DSN's host. */
const transport = () => ({
  send: async (envelope: Envelope) => {
    envelopes.push(envelope)
    return { statusCode: 200 }
  },
  flush: async () => true,
})

type SentEvent = { tags?: Record<string, string>; exception?: { values?: { value?: string }[] }; request?: object }

const events = () =>
  envelopes.flatMap((envelope) =>
    (envelope[1] as [{ type: string }, unknown][])
      .filter(([header]) => header.type === "event")
      .map(([, event]) => event as SentEvent)
  )

describe("Sentry", () => {
  it("does nothing without SENTRY_DSN", () => {
    expect(initSentry({ NODE_ENV: "production" })).toBe(false)
    reportServerError(new Error("ignored"), { requestId: "r0" } as never)
  })

  it("sends a 5xx's error tagged with the request id, route and actor type", async () => {
    expect(initSentry({ NODE_ENV: "production", SENTRY_DSN: "https://public@sentry.invalid/1" }, { transport })).toBe(
      true
    )
    reportServerError(new Error("database went away"), {
      requestId: "req-500",
      method: "POST",
      url: "/store/concierge/escalations?token=x",
      route: { path: "/store/concierge/escalations" },
      auth_context: { actor_type: "customer", actor_id: "cus_1" },
    } as never)
    await flushSentry()
    const [event] = events()
    expect(event.exception?.values?.[0]?.value).toBe("database went away")
    expect(event.tags).toMatchObject({
      request_id: "req-500",
      route: "/store/concierge/escalations",
      method: "POST",
      actor_type: "customer",
    })
    // No user (the actor id stays out of the event's data).
    expect((event as { user?: unknown }).user).toBeUndefined()
    expect(Object.values(event.tags ?? {})).not.toContain("cus_1")
  })

  it("keeps only the method and the URL without its query in an event's request", () => {
    const event = scrubEvent({
      request: {
        method: "GET",
        url: "https://shop.test/store/orders/o_1/tracking?token=secret",
        headers: { cookie: "connect.sid=abc" },
        data: { email: "ada@example.com" },
      },
    })
    expect(event.request).toEqual({ method: "GET", url: "https://shop.test/store/orders/o_1/tracking" })
  })
})
