import { createHmac, hkdfSync } from "node:crypto"
import { env, storefrontUrl } from "../../config"
import { orderTrackingUrl, unsubscribeUrl } from "../notifications/links"
import { signToken, verifyToken } from "../signed-token"

const ORDER_ID = "order_01JCX6Z8Q4N5R7T9V1W3Y5A7C9"

/** A token for `claims` with a valid MAC, to show that the claims themselves are checked. */
const forgeWithRealKey = (purpose: string, claims: unknown) => {
  const body = Buffer.from(JSON.stringify(claims)).toString("base64url")
  const key = Buffer.from(hkdfSync("sha256", env.JWT_SECRET, "signed-token", `signed-token:${purpose}`, 32))
  const mac = createHmac("sha256", key).update(body).digest().subarray(0, 16).toString("base64url")
  return `${body}.${mac}`
}

describe("signed tokens", () => {
  afterEach(() => {
    jest.useRealTimers()
  })

  it("round-trips the payload for the same purpose", () => {
    const token = signToken("order-tracking", { order_id: ORDER_ID })
    expect(verifyToken("order-tracking", token)).toEqual({ order_id: ORDER_ID })
  })

  it("is URL-safe and short enough for an SMS link", () => {
    const token = signToken("order-tracking", { order_id: ORDER_ID })
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/)
    expect(token.length).toBeLessThan(100)
    expect(encodeURIComponent(token)).toBe(token)
  })

  it("refuses a token made for another purpose", () => {
    const token = signToken("unsubscribe", { order_id: ORDER_ID })
    expect(verifyToken("unsubscribe", token)).not.toBeNull()
    expect(verifyToken("order-tracking", token)).toBeNull()
  })

  it("refuses a changed payload or signature", () => {
    const token = signToken("order-tracking", { order_id: ORDER_ID })
    const [, signature] = token.split(".")
    const otherBody = Buffer.from(JSON.stringify([{ order_id: "order_other" }])).toString("base64url")
    expect(verifyToken("order-tracking", `${otherBody}.${signature}`)).toBeNull()

    const flipped = signature[0] === "A" ? `B${signature.slice(1)}` : `A${signature.slice(1)}`
    expect(verifyToken("order-tracking", `${token.split(".")[0]}.${flipped}`)).toBeNull()
    // Another spelling of the same MAC bytes (unused low bits of the last character).
    const last = signature[signature.length - 1]
    const respelled = `${signature.slice(0, -1)}${last === "A" ? "B" : String.fromCharCode(last.charCodeAt(0) ^ 1)}`
    expect(verifyToken("order-tracking", `${token.split(".")[0]}.${respelled}`)).toBeNull()
  })

  it("refuses malformed input without throwing", () => {
    const token = signToken("order-tracking", { order_id: ORDER_ID })
    const malformed = [
      "",
      ".",
      "abc",
      token.split(".")[0],
      `${token}.extra`,
      `${token}=`,
      token.replace(".", ". "),
      `${token.split(".")[0]}.${"A".repeat(43)}`,
      `${"a".repeat(3000)}.${token.split(".")[1]}`,
    ]
    for (const value of malformed) {
      expect(verifyToken("order-tracking", value)).toBeNull()
    }
  })

  it("refuses correctly signed claims that are not a string payload", () => {
    expect(verifyToken("t", forgeWithRealKey("t", [{ order_id: ORDER_ID }]))).toEqual({ order_id: ORDER_ID })
    expect(verifyToken("t", forgeWithRealKey("t", { order_id: ORDER_ID }))).toBeNull()
    expect(verifyToken("t", forgeWithRealKey("t", [{ order_id: 5 }]))).toBeNull()
    expect(verifyToken("t", forgeWithRealKey("t", [{ order_id: ORDER_ID }, "soon"]))).toBeNull()
    expect(verifyToken("t", forgeWithRealKey("t", []))).toBeNull()
    const notJson = Buffer.from("not json").toString("base64url")
    const key = Buffer.from(hkdfSync("sha256", env.JWT_SECRET, "signed-token", "signed-token:t", 32))
    const mac = createHmac("sha256", key).update(notJson).digest().subarray(0, 16).toString("base64url")
    expect(verifyToken("t", `${notJson}.${mac}`)).toBeNull()
  })

  it("stops verifying once expired", () => {
    jest.useFakeTimers({ now: new Date("2025-01-01T00:00:00Z") })
    const token = signToken("unsubscribe", { customer_id: "cus_1" }, { expiresInSeconds: 60 })
    expect(verifyToken("unsubscribe", token)).toEqual({ customer_id: "cus_1" })
    jest.setSystemTime(new Date("2025-01-01T00:00:59Z"))
    expect(verifyToken("unsubscribe", token)).toEqual({ customer_id: "cus_1" })
    jest.setSystemTime(new Date("2025-01-01T00:01:00Z"))
    expect(verifyToken("unsubscribe", token)).toBeNull()
  })

  it("builds the order tracking link on the storefront with a verifiable token", () => {
    const url = new URL(orderTrackingUrl(ORDER_ID))
    expect(`${url.origin}${url.pathname}`).toBe(`${storefrontUrl()}/orders/${ORDER_ID}/tracking`)
    expect([...url.searchParams.keys()]).toEqual(["token"])
    expect(verifyToken("order-tracking", url.searchParams.get("token")!)).toEqual({ order_id: ORDER_ID })
  })
})

describe("unsubscribe links", () => {
  it("carry a token naming the customer and channel, for the unsubscribe purpose only", () => {
    const url = new URL(unsubscribeUrl("cus_01ABC", "sms"))
    expect(`${url.origin}${url.pathname}`).toBe(`${storefrontUrl()}/unsubscribe`)
    const token = url.searchParams.get("token")!
    expect(verifyToken("unsubscribe", token)).toEqual({ customer_id: "cus_01ABC", channel: "sms" })
    expect(verifyToken("order-tracking", token)).toBeNull()
  })
})
