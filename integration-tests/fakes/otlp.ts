import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import { gunzipSync, inflateSync } from "node:zlib"
import { listenOnLoopback } from "./http-fake"

/** An attribute value as OTLP carries it (`AnyValue`), decoded to plain JavaScript. */
export type OtlpValue = string | number | boolean | null | OtlpValue[] | { [key: string]: OtlpValue }

export type OtlpAttributes = Record<string, OtlpValue>

/** One span as the collector received it. */
export interface ReceivedSpan {
  name: string
  /** Lowercase hex, as in the OTLP/JSON encoding. */
  traceId: string
  spanId: string
  /** `""` for a root span. */
  parentSpanId: string
  /** OTLP's SpanKind number: 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  kind: number
  /** Nanoseconds since the epoch, as a decimal string (int64 does not fit a JS number). */
  startTimeUnixNano: string
  endTimeUnixNano: string
  attributes: OtlpAttributes
  /** The status code (0 unset, 1 ok, 2 error) and its message. */
  status: { code: number; message: string }
  /** The exporting process's resource attributes, e.g. `service.name`, `process.pid`. */
  resource: OtlpAttributes
  /** Instrumentation scope (the tracer's name), e.g. `@medusajs/http`. */
  scope: string
  /** Which encoding delivered it. */
  encoding: "json" | "protobuf"
}

/** One `POST /v1/traces` the collector answered. */
export interface ExportRequest {
  contentType: string
  contentEncoding: string
  /** How many spans it carried; 0 for a request that was refused. */
  spanCount: number
  /** The HTTP status answered: 200, 400 (undecodable), 404 (other path), 405, 415. */
  status: number
}

export interface FakeOtlpCollector {
  /**
   * Base URL, e.g. `http://127.0.0.1:12345`: what `OTEL_EXPORTER_OTLP_ENDPOINT`
   * is set to (the exporter adds `/v1/traces`).
   */
  readonly url: string
  /** `${url}/v1/traces`, for an exporter configured with the full URL. */
  readonly tracesUrl: string
  readonly port: number
  /** Every span received, in arrival order. */
  readonly spans: ReceivedSpan[]
  /** Every export request received, in order. */
  readonly requests: ExportRequest[]
  /** The spans with this exact name. */
  spansNamed(name: string): ReceivedSpan[]
  /** The spans of one trace, in arrival order. */
  trace(traceId: string): ReceivedSpan[]
  /** Forgets every span and request received so far. */
  reset(): void
  close(): Promise<void>
}

// ---------------------------------------------------------------------------
// OTLP/JSON (https://opentelemetry.io/docs/specs/otlp/#json-protobuf-encoding):
// lowerCamelCase field names, trace and span ids as hex strings, 64-bit
// integers as decimal strings or numbers, enums as numbers.

type Json = Record<string, unknown>

const asObject = (value: unknown): Json =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : {}
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : [])
const asString = (value: unknown) => (typeof value === "string" ? value : value === undefined || value === null ? "" : String(value))
const asNumber = (value: unknown) => (typeof value === "number" ? value : Number(value ?? 0) || 0)

function jsonAnyValue(value: unknown): OtlpValue {
  const any = asObject(value)
  if ("stringValue" in any) return asString(any.stringValue)
  if ("boolValue" in any) return any.boolValue === true
  if ("intValue" in any) return asNumber(any.intValue)
  if ("doubleValue" in any) return asNumber(any.doubleValue)
  if ("arrayValue" in any) return asArray(asObject(any.arrayValue).values).map(jsonAnyValue)
  if ("kvlistValue" in any) return jsonAttributes(asObject(any.kvlistValue).values)
  if ("bytesValue" in any) return asString(any.bytesValue)
  return null
}

function jsonAttributes(list: unknown): OtlpAttributes {
  const attributes: OtlpAttributes = {}
  for (const item of asArray(list)) {
    const { key, value } = asObject(item)
    attributes[asString(key)] = jsonAnyValue(value)
  }
  return attributes
}

/** JSON ids are hex per the spec; base64 (protobuf's JSON mapping) is accepted too. */
function jsonId(value: unknown): string {
  const text = asString(value)
  if (text === "" || /^[0-9a-f]+$/i.test(text)) {
    return text.toLowerCase()
  }
  return Buffer.from(text, "base64").toString("hex")
}

function decodeJson(body: Buffer): ReceivedSpan[] {
  const request = asObject(JSON.parse(body.toString("utf8")))
  if (!Array.isArray(request.resourceSpans)) {
    throw new Error("no resourceSpans")
  }
  return request.resourceSpans.flatMap((resourceSpans) => {
    const resource = jsonAttributes(asObject(asObject(resourceSpans).resource).attributes)
    return asArray(asObject(resourceSpans).scopeSpans).flatMap((scopeSpans) => {
      const scope = asString(asObject(asObject(scopeSpans).scope).name)
      return asArray(asObject(scopeSpans).spans).map((item): ReceivedSpan => {
        const span = asObject(item)
        const status = asObject(span.status)
        return {
          name: asString(span.name),
          traceId: jsonId(span.traceId),
          spanId: jsonId(span.spanId),
          parentSpanId: jsonId(span.parentSpanId),
          kind: asNumber(span.kind),
          startTimeUnixNano: asString(span.startTimeUnixNano),
          endTimeUnixNano: asString(span.endTimeUnixNano),
          attributes: jsonAttributes(span.attributes),
          status: { code: asNumber(status.code), message: asString(status.message) },
          resource,
          scope,
          encoding: "json",
        }
      })
    })
  })
}

// ---------------------------------------------------------------------------
// OTLP/protobuf: a reader for the few messages of
// opentelemetry/proto/collector/trace/v1 (ExportTraceServiceRequest) the
// collector needs; unknown fields are skipped, as protobuf requires.

type Field = { number: number; wire: number; varint: bigint; bytes: Buffer }

function* fields(buffer: Buffer): Generator<Field> {
  let offset = 0
  const varint = () => {
    let result = 0n
    let shift = 0n
    for (;;) {
      if (offset >= buffer.length) throw new Error("truncated varint")
      const byte = buffer[offset++]
      result |= BigInt(byte & 0x7f) << shift
      if (byte < 0x80) return result
      shift += 7n
    }
  }
  const take = (length: number) => {
    if (offset + length > buffer.length) throw new Error("truncated field")
    const bytes = buffer.subarray(offset, offset + length)
    offset += length
    return bytes
  }
  while (offset < buffer.length) {
    const key = varint()
    const number = Number(key >> 3n)
    const wire = Number(key & 7n)
    if (wire === 0) {
      yield { number, wire, varint: varint(), bytes: Buffer.alloc(0) }
    } else if (wire === 1) {
      const bytes = take(8)
      yield { number, wire, varint: bytes.readBigUInt64LE(), bytes }
    } else if (wire === 2) {
      yield { number, wire, varint: 0n, bytes: take(Number(varint())) }
    } else if (wire === 5) {
      const bytes = take(4)
      yield { number, wire, varint: BigInt(bytes.readUInt32LE()), bytes }
    } else {
      throw new Error(`unsupported wire type ${wire}`)
    }
  }
}

const text = (field: Field) => field.bytes.toString("utf8")

/** AnyValue: 1 string, 2 bool, 3 int64, 4 double, 5 ArrayValue, 6 KeyValueList, 7 bytes. */
function protoAnyValue(buffer: Buffer): OtlpValue {
  let value: OtlpValue = null
  for (const field of fields(buffer)) {
    if (field.number === 1) value = text(field)
    else if (field.number === 2) value = field.varint !== 0n
    else if (field.number === 3) value = Number(BigInt.asIntN(64, field.varint))
    else if (field.number === 4) value = field.bytes.readDoubleLE()
    else if (field.number === 5) {
      value = [...fields(field.bytes)].filter((item) => item.number === 1).map((item) => protoAnyValue(item.bytes))
    } else if (field.number === 6) value = protoAttributes(field.bytes, 1)
    else if (field.number === 7) value = field.bytes.toString("base64")
  }
  return value
}

/** The repeated KeyValue (1 key, 2 value) at `fieldNumber` of `buffer`. */
function protoAttributes(buffer: Buffer, fieldNumber: number): OtlpAttributes {
  const attributes: OtlpAttributes = {}
  for (const field of fields(buffer)) {
    if (field.number !== fieldNumber) continue
    let key = ""
    let value: OtlpValue = null
    for (const part of fields(field.bytes)) {
      if (part.number === 1) key = text(part)
      if (part.number === 2) value = protoAnyValue(part.bytes)
    }
    attributes[key] = value
  }
  return attributes
}

/** Span: 1 trace_id, 2 span_id, 4 parent_span_id, 5 name, 6 kind, 7/8 times, 9 attributes, 15 status. */
function protoSpan(buffer: Buffer, resource: OtlpAttributes, scope: string): ReceivedSpan {
  const span: ReceivedSpan = {
    name: "",
    traceId: "",
    spanId: "",
    parentSpanId: "",
    kind: 0,
    startTimeUnixNano: "0",
    endTimeUnixNano: "0",
    attributes: protoAttributes(buffer, 9),
    status: { code: 0, message: "" },
    resource,
    scope,
    encoding: "protobuf",
  }
  for (const field of fields(buffer)) {
    if (field.number === 1) span.traceId = field.bytes.toString("hex")
    else if (field.number === 2) span.spanId = field.bytes.toString("hex")
    else if (field.number === 4) span.parentSpanId = field.bytes.toString("hex")
    else if (field.number === 5) span.name = text(field)
    else if (field.number === 6) span.kind = Number(field.varint)
    else if (field.number === 7) span.startTimeUnixNano = field.varint.toString()
    else if (field.number === 8) span.endTimeUnixNano = field.varint.toString()
    else if (field.number === 15) {
      for (const part of fields(field.bytes)) {
        if (part.number === 2) span.status.message = text(part)
        if (part.number === 3) span.status.code = Number(part.varint)
      }
    }
  }
  return span
}

/** ExportTraceServiceRequest 1 -> ResourceSpans (1 resource, 2 ScopeSpans) -> ScopeSpans (1 scope, 2 spans). */
function decodeProtobuf(body: Buffer): ReceivedSpan[] {
  const spans: ReceivedSpan[] = []
  for (const resourceSpans of fields(body)) {
    if (resourceSpans.number !== 1 || resourceSpans.wire !== 2) continue
    let resource: OtlpAttributes = {}
    const scopes: Buffer[] = []
    for (const field of fields(resourceSpans.bytes)) {
      if (field.number === 1) resource = protoAttributes(field.bytes, 1)
      if (field.number === 2) scopes.push(field.bytes)
    }
    for (const scopeSpans of scopes) {
      let scope = ""
      const spanBuffers: Buffer[] = []
      for (const field of fields(scopeSpans)) {
        if (field.number === 1) {
          for (const part of fields(field.bytes)) {
            if (part.number === 1) scope = text(part)
          }
        }
        if (field.number === 2) spanBuffers.push(field.bytes)
      }
      spans.push(...spanBuffers.map((buffer) => protoSpan(buffer, resource, scope)))
    }
  }
  return spans
}

// ---------------------------------------------------------------------------

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on("data", (chunk: Buffer) => chunks.push(chunk))
    req.on("end", () => resolve(Buffer.concat(chunks)))
    req.on("error", reject)
  })
}

/**
 * A loopback OpenTelemetry collector speaking OTLP/HTTP for traces
 * (https://opentelemetry.io/docs/specs/otlp/#otlphttp):
 * - `POST /v1/traces` with `Content-Type: application/json` (what
 *   `@opentelemetry/exporter-trace-otlp-http` sends) or
 *   `application/x-protobuf` (`-otlp-proto`), optionally gzip-compressed;
 *   answers 200 with an empty ExportTraceServiceResponse in the request's
 *   encoding and records every span;
 * - 400 for a body that does not decode, 415 for another content type, 405
 *   for another method, 404 for another path (nothing recorded).
 */
export async function startFakeOtlpCollector(): Promise<FakeOtlpCollector> {
  const spans: ReceivedSpan[] = []
  const requests: ExportRequest[] = []

  const answer = (res: ServerResponse, status: number, contentType: string, body: Buffer | string) => {
    res.writeHead(status, { "content-type": contentType, "content-length": String(Buffer.byteLength(body)) })
    res.end(body)
  }
  const rpcError = (res: ServerResponse, status: number, message: string) =>
    // google.rpc.Status in JSON: what a collector answers when it cannot take the request.
    answer(res, status, "application/json", JSON.stringify({ code: 3, message }))

  const server = createServer((req, res) => {
    void (async () => {
      const contentType = String(req.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase()
      const contentEncoding = String(req.headers["content-encoding"] ?? "").toLowerCase()
      const record = (status: number, spanCount = 0) => requests.push({ contentType, contentEncoding, spanCount, status })
      let body: Buffer
      try {
        body = await readBody(req)
      } catch {
        return
      }
      const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname
      if (path !== "/v1/traces") {
        record(404)
        return rpcError(res, 404, `No OTLP signal at ${path}`)
      }
      if (req.method !== "POST") {
        record(405)
        return rpcError(res, 405, "Use POST")
      }
      const json = contentType === "application/json"
      if (!json && contentType !== "application/x-protobuf") {
        record(415)
        return rpcError(res, 415, `Unsupported content type: ${contentType || "(none)"}`)
      }
      let received: ReceivedSpan[]
      try {
        const raw =
          contentEncoding === "gzip" ? gunzipSync(body) : contentEncoding === "deflate" ? inflateSync(body) : body
        received = json ? decodeJson(raw) : decodeProtobuf(raw)
      } catch (error) {
        record(400)
        return rpcError(res, 400, `Cannot decode the request: ${(error as Error).message}`)
      }
      spans.push(...received)
      record(200, received.length)
      // An empty ExportTraceServiceResponse: everything was accepted.
      return json ? answer(res, 200, "application/json", "{}") : answer(res, 200, "application/x-protobuf", Buffer.alloc(0))
    })()
  })

  const { url, port, close } = await listenOnLoopback(server)

  return {
    url,
    tracesUrl: `${url}/v1/traces`,
    port,
    spans,
    requests,
    spansNamed: (name) => spans.filter((span) => span.name === name),
    trace: (traceId) => spans.filter((span) => span.traceId === traceId),
    reset: () => {
      spans.length = 0
      requests.length = 0
    },
    close,
  }
}
