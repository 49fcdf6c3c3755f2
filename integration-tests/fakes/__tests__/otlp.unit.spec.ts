import { execFile } from "node:child_process"
import path from "node:path"
import { promisify } from "node:util"
import { gzipSync } from "node:zlib"

import { type FakeOtlpCollector, startFakeOtlpCollector } from "../otlp"

jest.setTimeout(30000)

/**
 * Ends a server span and a child span with an error status in a plain Node
 * process whose tracer exports through the real OTLP exporter `exporterPackage`
 * to `url` (the exporters load `http` with a dynamic `import()`, which Jest's
 * module sandbox refuses). Resolves with the two spans' ids once exported.
 */
async function exportTwoSpans(exporterPackage: string, url: string) {
  const script = `
    const api = require("@opentelemetry/api")
    const { OTLPTraceExporter } = require(process.argv[1])
    const { resourceFromAttributes } = require("@opentelemetry/resources")
    const { BasicTracerProvider, SimpleSpanProcessor } = require("@opentelemetry/sdk-trace-base")
    const provider = new BasicTracerProvider({
      resource: resourceFromAttributes({ "service.name": "otlp-fake-test" }),
      spanProcessors: [new SimpleSpanProcessor(new OTLPTraceExporter({ url: process.argv[2] }))],
    })
    const tracer = provider.getTracer("otlp-fake-scope", "1.0.0")
    const parent = tracer.startSpan("GET /store/products", {
      kind: api.SpanKind.SERVER,
      attributes: { "http.method": "GET", "http.status_code": 200, ratio: 0.5, ok: true, tags: ["a", "b"] },
    })
    const child = tracer.startSpan(
      "workflow:send-order-notifications",
      { attributes: { "workflow.transaction_id": "tx_1" } },
      api.trace.setSpan(api.context.active(), parent)
    )
    child.setStatus({ code: api.SpanStatusCode.ERROR, message: "boom" })
    child.end()
    parent.end()
    provider.forceFlush().then(() => provider.shutdown()).then(() =>
      process.stdout.write(JSON.stringify({ parent: parent.spanContext(), child: child.spanContext() }))
    )
  `
  const { stdout } = await promisify(execFile)(process.execPath, ["-e", script, exporterPackage, url], {
    cwd: path.resolve(__dirname, "..", "..", ".."),
  })
  return JSON.parse(stdout) as { parent: { traceId: string; spanId: string }; child: { traceId: string; spanId: string } }
}

describe("fake OTLP/HTTP collector", () => {
  let collector: FakeOtlpCollector

  beforeAll(async () => {
    collector = await startFakeOtlpCollector()
  })

  afterAll(async () => {
    await collector.close()
  })

  beforeEach(() => collector.reset())

  it.each([
    // The project's exporter (package.json), and the protobuf one installed with Medusa's @opentelemetry/sdk-node.
    ["json", "application/json", "@opentelemetry/exporter-trace-otlp-http"],
    ["protobuf", "application/x-protobuf", "@opentelemetry/exporter-trace-otlp-proto"],
  ] as const)("records the spans the real %s exporter sends, with attributes, ids, status and resource", async (encoding, contentType, exporter) => {
    const ids = await exportTwoSpans(exporter, collector.tracesUrl)

    expect(collector.requests.length).toBeGreaterThan(0)
    expect(collector.requests.every((request) => request.contentType === contentType && request.status === 200)).toBe(true)
    expect(collector.spans).toHaveLength(2)
    const [child, parent] = [
      collector.spansNamed("workflow:send-order-notifications")[0],
      collector.spansNamed("GET /store/products")[0],
    ]
    expect(parent).toMatchObject({
      traceId: ids.parent.traceId,
      spanId: ids.parent.spanId,
      parentSpanId: "",
      kind: 2, // OTLP's SPAN_KIND_SERVER
      attributes: { "http.method": "GET", "http.status_code": 200, ratio: 0.5, ok: true, tags: ["a", "b"] },
      status: { code: 0, message: "" },
      resource: expect.objectContaining({ "service.name": "otlp-fake-test" }),
      scope: "otlp-fake-scope",
      encoding,
    })
    expect(child).toMatchObject({
      traceId: ids.parent.traceId,
      spanId: ids.child.spanId,
      parentSpanId: ids.parent.spanId,
      attributes: { "workflow.transaction_id": "tx_1" },
      status: { code: 2, message: "boom" },
    })
    expect(BigInt(parent.endTimeUnixNano)).toBeGreaterThanOrEqual(BigInt(parent.startTimeUnixNano))
    expect(BigInt(parent.startTimeUnixNano)).toBeGreaterThan(BigInt(Date.now() - 60_000) * 1_000_000n)
    expect(collector.trace(ids.parent.traceId)).toHaveLength(2)
  })

  it("takes gzip-compressed bodies and answers an empty ExportTraceServiceResponse in the request's encoding", async () => {
    const body = JSON.stringify({
      resourceSpans: [
        {
          resource: { attributes: [{ key: "service.name", value: { stringValue: "gz" } }] },
          scopeSpans: [
            {
              scope: { name: "s" },
              spans: [
                {
                  traceId: "0af7651916cd43dd8448eb211c80319c",
                  spanId: "b7ad6b7169203331",
                  name: "gzipped",
                  kind: 2,
                  startTimeUnixNano: "1",
                  endTimeUnixNano: "2",
                  attributes: [{ key: "n", value: { intValue: "42" } }],
                },
              ],
            },
          ],
        },
      ],
    })
    const reply = await fetch(collector.tracesUrl, {
      method: "POST",
      headers: { "content-type": "application/json", "content-encoding": "gzip" },
      body: gzipSync(body),
    })
    expect([reply.status, reply.headers.get("content-type"), await reply.text()]).toEqual([200, "application/json", "{}"])
    expect(collector.spans).toEqual([
      expect.objectContaining({ name: "gzipped", attributes: { n: 42 }, resource: { "service.name": "gz" }, scope: "s" }),
    ])
  })

  it("refuses what is not an OTLP trace export and records no span", async () => {
    const post = (path: string, contentType: string, body: string) =>
      fetch(`${collector.url}${path}`, { method: "POST", headers: { "content-type": contentType }, body }).then((r) => r.status)
    expect(await post("/v1/traces", "application/json", "not json")).toBe(400)
    expect(await post("/v1/traces", "application/json", "{}")).toBe(400)
    expect(await post("/v1/traces", "text/plain", "x")).toBe(415)
    expect(await post("/v1/metrics", "application/json", "{}")).toBe(404)
    expect(await fetch(collector.tracesUrl).then((r) => r.status)).toBe(405)
    expect(collector.spans).toEqual([])
    expect(collector.requests.map((request) => request.status)).toEqual([400, 400, 415, 404, 405])
  })
})
