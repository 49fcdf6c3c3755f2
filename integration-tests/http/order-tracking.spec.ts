import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { StoreSetup } from "../../src/lib/setup/store"
import { usePaymentFakes } from "../utils/env"
import { Headers, placeOrder, registerCustomer, withBearer } from "../utils/orders"
import { adminHeaders, seedStore, storeHeaders } from "../utils/store"

jest.setTimeout(180_000)

const fakes = usePaymentFakes()

const tag = Date.now().toString(36)
const OWNER = {
  email: `tracking-owner.${tag}@example.com`,
  password: "correct-horse-battery-staple",
  first_name: "Ada",
  last_name: "Obi",
}
const OTHER = { ...OWNER, email: `tracking-other.${tag}@example.com`, first_name: "Bola" }

type Reply = { status: number; data: Record<string, unknown> }
type Timeline = { status: string; at: string; detail?: string }[]

type Links = typeof import("../../src/lib/notifications/links")
type Tokens = typeof import("../../src/lib/signed-token")

/**
 * Loaded once the app is up: importing src/config earlier (a top-level import)
 * would parse the environment before the payment fakes set their URLs in it.
 */
let links: Links
let tokens: Tokens

/** The token a confirmation message carries for `orderId`. */
const messageToken = (orderId: string) => new URL(links.orderTrackingUrl(orderId)).searchParams.get("token")!

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let setup: StoreSetup
    let admin: Headers
    let owner: Headers
    let other: Headers
    let orderId: string
    let guestOrderId: string

    /** The response of a request, also when it is an error status. */
    const call = (request: Promise<Reply>): Promise<Reply> =>
      request.catch((e: { response?: Reply }) => {
        if (!e.response) {
          throw e
        }
        return e.response
      })

    /** An admin call whose failure names the route and Medusa's message. */
    const adminPost = (url: string, body: object) =>
      api.post(url, body, admin).catch((e: { response?: Reply }) => {
        throw new Error(`POST ${url}: ${e.response?.status} ${JSON.stringify(e.response?.data)}`)
      })

    const track = (id: string, headers: Headers, params = "") =>
      call(api.get(`/store/orders/${id}/tracking${params}`, headers))

    beforeAll(async () => {
      links = require("../../src/lib/notifications/links")
      tokens = require("../../src/lib/signed-token")
      setup = await seedStore(getContainer())
      admin = await adminHeaders(api)
      const ownerAccount = await registerCustomer(api, setup, OWNER)
      owner = ownerAccount.headers
      other = (await registerCustomer(api, setup, OTHER)).headers

      orderId = await placeOrder(api, getContainer(), setup, fakes(), {
        headers: owner,
        region: "nigeria",
        items: [
          ["FIX-TEE-S-IND", 2],
          ["FIX-CARD-OS", 1],
        ],
        person: OWNER,
      })
      guestOrderId = await placeOrder(api, getContainer(), setup, fakes(), {
        headers: storeHeaders(setup),
        region: "international",
        items: [["FIX-SCARF-WINE", 1]],
        email: `tracking-guest.${tag}@example.com`,
      })

      // Staff fulfil, ship with a tracking number and mark the owner's order delivered.
      const { data } = await api.get(`/admin/orders/${orderId}?fields=*items`, admin)
      const items = data.order.items.map((i: { id: string; quantity: number }) => ({ id: i.id, quantity: i.quantity }))
      const { data: fulfilled } = await adminPost(`/admin/orders/${orderId}/fulfillments?fields=fulfillments.id`, {
        items,
        metadata: { carrier: "GIG Logistics" },
      })
      const fulfillmentId = fulfilled.order.fulfillments[0].id
      await adminPost(`/admin/orders/${orderId}/fulfillments/${fulfillmentId}/shipments`, {
        items,
        labels: [
          {
            tracking_number: "GIG-7781-LAG",
            tracking_url: "https://tracking.gig.example/GIG-7781-LAG",
            label_url: "https://labels.gig.example/GIG-7781-LAG.pdf",
          },
        ],
      })
      await adminPost(`/admin/orders/${orderId}/fulfillments/${fulfillmentId}/mark-as-delivered`, {})
    })

    it("shows the owner the status and the timeline in order, with the tracking number", async () => {
      const response = await track(orderId, owner)
      expect(response.status).toBe(200)
      expect(response.data.order).toEqual({
        id: orderId,
        display_id: expect.any(Number),
        status: "pending",
        payment_status: "captured",
        fulfillment_status: "delivered",
        currency_code: "ngn",
        // 2 x 12,500 + 9,500 + 3,500 delivery (checkout.spec.ts)
        total: 38_000,
      })
      const timeline = response.data.timeline as Timeline
      expect(timeline.map((e) => e.status)).toEqual(["placed", "paid", "fulfilled", "shipped", "delivered"])
      expect(timeline[1].detail).toBe("₦38,000.00")
      expect(timeline[3].detail).toBe("GIG Logistics, tracking GIG-7781-LAG")
      const times = timeline.map((e) => Date.parse(e.at))
      expect(times.every((t) => Number.isFinite(t))).toBe(true)
      expect([...times].sort((a, b) => a - b)).toEqual(times)
    })

    it("shows a guest with the signed link from the confirmation the same tracking", async () => {
      const asOwner = await track(orderId, owner)
      const guest = await track(orderId, storeHeaders(setup), `?token=${messageToken(orderId)}`)
      expect(guest.status).toBe(200)
      expect(guest.data).toEqual(asOwner.data)

      const guestOrder = await track(guestOrderId, storeHeaders(setup), `?token=${messageToken(guestOrderId)}`)
      expect(guestOrder.status).toBe(200)
      expect(guestOrder.data.order).toMatchObject({
        id: guestOrderId,
        currency_code: "usd",
        payment_status: "captured",
        fulfillment_status: "not_fulfilled",
      })
      expect(guestOrder.data.timeline).toEqual([
        { status: "placed", at: expect.any(String) },
        { status: "paid", at: expect.any(String), detail: expect.stringMatching(/^\$\d+\.\d{2}$/) },
      ])
    })

    it("answers 404 with the unknown-order body for every caller without access", async () => {
      const unknownId = "order_01JZZZZZZZZZZZZZZZZZZZZZZZ"
      const unknown = await track(unknownId, owner)
      expect(unknown.status).toBe(404)
      expect(unknown.data).toEqual({ type: "not_found", message: "Order not found" })

      const valid = messageToken(orderId)
      const [body, signature] = valid.split(".")
      const flipped = `${body}.${signature[0] === "A" ? "B" : "A"}${signature.slice(1)}`
      const refused: [string, Promise<Reply>][] = [
        ["no token, no customer", track(orderId, storeHeaders(setup))],
        ["an empty token", track(orderId, storeHeaders(setup), "?token=")],
        ["a garbage token", track(orderId, storeHeaders(setup), "?token=not-a-token")],
        ["a tampered signature", track(orderId, storeHeaders(setup), `?token=${flipped}`)],
        ["another order's token", track(orderId, storeHeaders(setup), `?token=${messageToken(guestOrderId)}`)],
        [
          "a token made for another purpose",
          track(orderId, storeHeaders(setup), `?token=${tokens.signToken("unsubscribe", { order_id: orderId })}`),
        ],
        ["another customer's login", track(orderId, other)],
        ["another customer with another order's token", track(orderId, other, `?token=${messageToken(guestOrderId)}`)],
        ["an invalid bearer token", track(orderId, withBearer(setup, "not.a.jwt"))],
        ["a guest order asked for by a customer", track(guestOrderId, owner)],
        [
          "a genuine token for an unknown order",
          track(unknownId, storeHeaders(setup), `?token=${messageToken(unknownId)}`),
        ],
      ]
      for (const [what, request] of refused) {
        const response = await request
        expect({ what, status: response.status, data: response.data }).toEqual({
          what,
          status: 404,
          data: unknown.data,
        })
      }
    })

    it("refuses unknown query parameters and overlong tokens with 400", async () => {
      const token = messageToken(orderId)
      for (const params of [`?token=${token}&fields=*customer`, "?expand=items", `?token=${"a".repeat(600)}`]) {
        const response = await track(orderId, owner, params)
        expect({ params, status: response.status }).toEqual({ params, status: 400 })
        expect(response.data.type).toBe("invalid_data")
      }
    })
  },
})
