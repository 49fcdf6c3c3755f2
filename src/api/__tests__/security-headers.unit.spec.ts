import express from "express"
import { once } from "node:events"
import { AddressInfo } from "node:net"
import { HSTS, securityHeaders } from "../security-headers"

/** The response as a map of the headers the middleware set. */
function run(hsts: boolean) {
  const app = express()
  const headers = new Map<string, string>([["x-powered-by", "Express"]])
  const res = express.response
  const fake = Object.create(res, {
    setHeader: { value: (name: string, value: string) => headers.set(name.toLowerCase(), value) },
    removeHeader: { value: (name: string) => headers.delete(name.toLowerCase()) },
  })
  const next = jest.fn()
  securityHeaders({ hsts })({ app }, fake, next)
  return { app, headers, next }
}

describe("securityHeaders", () => {
  it("sends HSTS only when asked to (production)", () => {
    const production = run(true)
    expect(production.headers.get("strict-transport-security")).toBe(
      "max-age=31536000; includeSubDomains"
    )
    expect(production.next).toHaveBeenCalledWith()

    const development = run(false)
    expect(development.headers.has("strict-transport-security")).toBe(false)
    expect(development.next).toHaveBeenCalledWith()
  })

  it("drops X-Powered-By and turns it off for the whole app", () => {
    const { app, headers } = run(false)
    expect(headers.has("x-powered-by")).toBe(false)
    expect(app.enabled("x-powered-by")).toBe(false)
  })

  it("keeps X-Powered-By off a real Express response, set before the handler", async () => {
    const app = express()
    app.get("/before", (_req, res) => res.json({ ok: true }))
    app.use(securityHeaders({ hsts: true }))
    app.get("/after", (_req, res) => res.json({ ok: true }))
    const server = app.listen(0, "127.0.0.1")
    await once(server, "listening")
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    try {
      // Express adds the header in its init layer, ahead of every middleware.
      const first = await fetch(`${base}/before`)
      expect(first.headers.get("x-powered-by")).toBe("Express")

      const after = await fetch(`${base}/after`)
      expect(after.status).toBe(200)
      expect(after.headers.get("x-powered-by")).toBeNull()
      expect(after.headers.get("strict-transport-security")).toBe(HSTS)

      // Once the middleware has run, routes registered ahead of it lose it too.
      const again = await fetch(`${base}/before`)
      expect(again.headers.get("x-powered-by")).toBeNull()
    } finally {
      server.close()
    }
  })
})
