import Medusa from "@medusajs/js-sdk"
import { once } from "node:events"
import { createServer, IncomingMessage, Server } from "node:http"
import { AddressInfo } from "node:net"
import { storeExtensions } from "../../../../sdk"

/** The storefront SDK (sdk/index.ts) against a loopback server that records each request. */
type Seen = { method: string; url: string; headers: IncomingMessage["headers"]; body: unknown }

const seen: Seen[] = []
let server: Server
let baseUrl: string

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) {
      chunks.push(chunk as Buffer)
    }
    const text = Buffer.concat(chunks).toString()
    seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: text ? JSON.parse(text) : undefined })
    res.writeHead(req.url?.startsWith("/store/orders/") ? 404 : 200, { "content-type": "application/json" })
    res.end(JSON.stringify(req.url?.startsWith("/store/orders/") ? { type: "not_found", message: "Order not found" } : { ok: true }))
  })
  server.listen(0, "127.0.0.1")
  await once(server, "listening")
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(() => new Promise((resolve) => server.close(resolve)))
beforeEach(() => {
  seen.length = 0
})

const PUBLISHABLE_KEY = "pk_test_storefront"

function client(token?: string) {
  const sdk = new Medusa({ baseUrl, publishableKey: PUBLISHABLE_KEY, auth: { type: "jwt", jwtTokenStorageMethod: "memory" } })
  return { sdk, store: storeExtensions(sdk), ready: token ? sdk.client.setToken(token) : Promise.resolve() }
}

describe("storefront SDK", () => {
  it("opens an escalation: POST with the JSON body and the publishable key", async () => {
    const { store } = client()
    await store.concierge.escalate({ phone: "0803 123 4567", message: "Where is my order?", order_id: "order_1" })
    expect(seen).toHaveLength(1)
    expect(seen[0]).toMatchObject({
      method: "POST",
      url: "/store/concierge/escalations",
      body: { phone: "0803 123 4567", message: "Where is my order?", order_id: "order_1" },
    })
    expect(seen[0].headers["x-publishable-api-key"]).toBe(PUBLISHABLE_KEY)
    expect(seen[0].headers["content-type"]).toMatch(/application\/json/)
    expect(seen[0].headers.authorization).toBeUndefined()
  })

  it("sends the signed-in customer's token on the customer routes, as the SDK's own calls do", async () => {
    const { store, ready } = client("jwt.customer.token")
    await ready
    await store.customer.exportData()
    await store.customer.erase()
    await store.customer.consents.list()
    await store.customer.consents.update({ consents: [{ channel: "sms", purpose: "marketing", granted: true }] })
    expect(seen.map(({ method, url }) => `${method} ${url}`)).toEqual([
      "GET /store/customers/me/export",
      "POST /store/customers/me/erase",
      "GET /store/customers/me/consents",
      "POST /store/customers/me/consents",
    ])
    for (const request of seen) {
      expect(request.headers.authorization).toBe("Bearer jwt.customer.token")
      expect(request.headers["x-publishable-api-key"]).toBe(PUBLISHABLE_KEY)
    }
    expect(seen[1].body).toEqual({})
    expect(seen[3].body).toEqual({ consents: [{ channel: "sms", purpose: "marketing", granted: true }] })
  })

  it("puts tokens in the query for tracking and unsubscribe links, escaping the order id", async () => {
    const { store } = client()
    await store.notifications.unsubscribe({ token: "tok.en/1" })
    await store.notifications.unsubscribeOneClick({ token: "tok.en/1" })
    await expect(store.orders.tracking("order 1/x", { token: "t1" })).rejects.toMatchObject({
      status: 404,
      message: "Order not found",
    })
    expect(seen.map(({ method, url }) => `${method} ${url}`)).toEqual([
      "GET /store/notifications/unsubscribe?token=tok.en%2F1",
      "POST /store/notifications/unsubscribe?token=tok.en%2F1",
      "GET /store/orders/order%201%2Fx/tracking?token=t1",
    ])
    expect(seen[1].body).toEqual({})
  })
})
