import { byThreadOrder } from "../thread-order"

describe("byThreadOrder", () => {
  it("orders by the second a message was sent, then by when it was stored", () => {
    const storefront = { id: "form", sent_at: "2026-11-25T10:00:00.700Z", created_at: "2026-11-25T10:00:00.700Z" }
    const whatsapp = { id: "wa", sent_at: "2026-11-25T10:00:00.000Z", created_at: "2026-11-25T10:00:01.100Z" }
    const earlier = { id: "early", sent_at: "2026-11-25T09:59:59.000Z", created_at: "2026-11-25T10:00:02.000Z" }
    expect([whatsapp, storefront, earlier].sort(byThreadOrder).map((m) => m.id)).toEqual(["early", "form", "wa"])
  })
})
