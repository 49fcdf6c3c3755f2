import { Writable } from "node:stream"
import { createLogger } from "../logger"
import { requestContext } from "../request-context"

/** A destination that keeps each JSON line. */
function capture() {
  const lines: Record<string, unknown>[] = []
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) {
        lines.push(JSON.parse(line))
      }
      done()
    },
  })
  return { lines, stream }
}

describe("application logger (pino)", () => {
  it("writes JSON lines with an ISO time and the level's name", () => {
    const { lines, stream } = capture()
    const logger = createLogger({ NODE_ENV: "production", LOG_LEVEL: "http" }, stream)
    logger.info("started")
    logger.warn("careful")
    expect(lines).toEqual([
      expect.objectContaining({ level: "info", msg: "started", time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }),
      expect.objectContaining({ level: "warn", msg: "careful" }),
    ])
  })

  it("adds the request id of the request being handled to every line written during it", async () => {
    const { lines, stream } = capture()
    const logger = createLogger({ NODE_ENV: "production", LOG_LEVEL: "http" }, stream)
    await requestContext.run({ request_id: "req-42" }, async () => {
      await new Promise((resolve) => setImmediate(resolve))
      logger.info("inside")
    })
    logger.info("outside")
    expect(lines[0]).toMatchObject({ msg: "inside", request_id: "req-42" })
    expect(lines[1].request_id).toBeUndefined()
  })

  it("redacts secret fields and masks personal ones, keeping errors readable", () => {
    const { lines, stream } = capture()
    const logger = createLogger({ NODE_ENV: "production", LOG_LEVEL: "http" }, stream)
    logger.pino.info(
      { email: "ada@example.com", authorization: "Bearer abc", nested: { password: "pw", phone: "+234", ok: 1 } },
      "fields"
    )
    logger.error("failed", new Error("boom"))
    expect(lines[0]).toMatchObject({
      email: "[personal]",
      authorization: "[redacted]",
      nested: { password: "[redacted]", phone: "[personal]", ok: 1 },
    })
    expect(JSON.stringify(lines[0])).not.toMatch(/ada@example|abc|"pw"/)
    expect(lines[1]).toMatchObject({ level: "error", msg: "failed: boom", err: { message: "boom" } })
    expect((lines[1].err as { stack: string }).stack).toMatch(/Error: boom/)
  })

  it("honours LOG_LEVEL with Medusa's level names", () => {
    const { lines, stream } = capture()
    const logger = createLogger({ NODE_ENV: "production", LOG_LEVEL: "warn" }, stream)
    logger.info("dropped")
    logger.http("dropped")
    logger.warn("kept")
    expect(lines.map((line) => line.msg)).toEqual(["kept"])
    expect(logger.shouldLog("info")).toBe(false)
    expect(logger.shouldLog("error")).toBe(true)
    logger.setLogLevel("debug")
    expect(logger.shouldLog("verbose")).toBe(true)
    logger.unsetLogLevel()
    expect(logger.shouldLog("verbose")).toBe(false)
  })

  it("turns Medusa's own request log off and writes its own request line (none under NODE_ENV=test)", () => {
    const { lines, stream } = capture()
    const logger = createLogger({ NODE_ENV: "production", LOG_LEVEL: "http" }, stream)
    expect(logger.shouldLog("http")).toBe(false)
    const line = {
      request_id: "r1",
      method: "GET",
      route: "/store/orders/:id/tracking",
      path: "/store/orders/order_1/tracking",
      status: 200,
      duration_ms: 1.5,
      actor_type: "customer",
      actor_id: "cus_1",
    }
    logger.requestLine(line)
    expect(lines).toEqual([
      expect.objectContaining({ level: "http", msg: "GET /store/orders/:id/tracking 200", ...line }),
    ])

    const quiet = capture()
    createLogger({ NODE_ENV: "test", LOG_LEVEL: "http" }, quiet.stream).requestLine(line)
    expect(quiet.lines).toEqual([])
  })

  it("reports activities with their duration", () => {
    const { lines, stream } = capture()
    const logger = createLogger({ NODE_ENV: "production", LOG_LEVEL: "http" }, stream)
    const id = logger.activity("migrating")
    const done = logger.success(id, "migrated")
    expect(done).toMatchObject({ activity_id: id, duration: expect.any(Number) })
    expect(lines[1]).toMatchObject({ msg: "migrated", activity_id: id })
    logger.log("warn", "as %s", "winston")
    expect(lines[2]).toMatchObject({ level: "warn", msg: "as winston" })
  })
})
