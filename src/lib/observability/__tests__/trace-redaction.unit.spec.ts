import type { ReadableSpan, SpanExporter } from "@medusajs/framework/opentelemetry/sdk-trace-node"
import { RedactingSpanExporter, redactSpanAttributes } from "../trace-redaction"

describe("redactSpanAttributes", () => {
  it("redacts credentials copied from request headers and cuts query strings from URLs", () => {
    expect(
      redactSpanAttributes({
        authorization: "Bearer eyJhbGciOi",
        cookie: "connect.sid=s%3Aabc",
        "x-publishable-api-key": "pk_123",
        "http.url": "http://localhost:9000/store/orders/order_1/tracking?token=abc",
        "http.target": "/store/notifications/unsubscribe?token=abc",
        "url.query": "token=abc",
        "http.route": "/store/orders/:id/tracking",
        "http.status_code": 200,
        "user-agent": "curl/8",
      })
    ).toEqual({
      authorization: "[redacted]",
      cookie: "[redacted]",
      "x-publishable-api-key": "[redacted]",
      "http.url": "http://localhost:9000/store/orders/order_1/tracking?[redacted]",
      "http.target": "/store/notifications/unsubscribe?[redacted]",
      "url.query": "[redacted]",
      "http.route": "/store/orders/:id/tracking",
      "http.status_code": 200,
      "user-agent": "curl/8",
    })
  })
})

describe("RedactingSpanExporter", () => {
  it("exports the spans with redacted attributes and leaves the originals as they were", () => {
    const exported: ReadableSpan[] = []
    const inner: SpanExporter = {
      export: (spans, done) => {
        exported.push(...spans)
        done({ code: 0 })
      },
      shutdown: () => Promise.resolve(),
    }
    const span = { name: "/store/products", attributes: { authorization: "Bearer x", "http.method": "GET" } }
    new RedactingSpanExporter(inner).export([span as unknown as ReadableSpan], () => undefined)
    expect(exported[0].name).toBe("/store/products")
    expect(exported[0].attributes).toEqual({ authorization: "[redacted]", "http.method": "GET" })
    expect(span.attributes.authorization).toBe("Bearer x")
  })
})
