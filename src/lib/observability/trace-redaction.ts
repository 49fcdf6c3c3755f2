import type { ReadableSpan, SpanExporter } from "@medusajs/framework/opentelemetry/sdk-trace-node"
import { isSecretKey, REDACTED } from "../../modules/activity/redact"

type Attributes = ReadableSpan["attributes"]

// Attributes holding a URL or its query: tracking and unsubscribe links carry tokens there.
const URL_LIKE = /url|target|query/i

const withoutQuery = (value: string) => (value.includes("?") ? `${value.slice(0, value.indexOf("?"))}?[redacted]` : value)

/**
 * A span's attributes as they may leave the process: Medusa's HTTP tracing
 * copies every request header onto the span, so credentials (authorization,
 * cookies, API keys, tokens) become "[redacted]", as in the logs, and query
 * strings are cut from URLs.
 */
export function redactSpanAttributes(attributes: Attributes): Attributes {
  const redacted: Attributes = {}
  for (const [key, value] of Object.entries(attributes)) {
    if (isSecretKey(key) || /api-key/i.test(key)) {
      redacted[key] = REDACTED
    } else if (typeof value === "string" && URL_LIKE.test(key)) {
      redacted[key] = key === "url.query" || key === "http.query" ? REDACTED : withoutQuery(value)
    } else {
      redacted[key] = value
    }
  }
  return redacted
}

/** Hands spans to `exporter` with their attributes redacted (redactSpanAttributes). */
export class RedactingSpanExporter implements SpanExporter {
  constructor(private readonly exporter: SpanExporter) {}

  export(spans: ReadableSpan[], resultCallback: Parameters<SpanExporter["export"]>[1]): void {
    const redacted = spans.map(
      (span) => Object.create(span, { attributes: { value: redactSpanAttributes(span.attributes) } }) as ReadableSpan
    )
    this.exporter.export(redacted, resultCallback)
  }

  shutdown(): Promise<void> {
    return this.exporter.shutdown()
  }

  forceFlush(): Promise<void> {
    return this.exporter.forceFlush?.() ?? Promise.resolve()
  }
}
