import { MedusaContainer } from "@medusajs/framework/types"
import { attributeOrderMovement } from "../utils/attribute-order-movement"

const LEVEL = { inventory_item_id: "iitem_1", location_id: "sloc_1" }

/** A container whose Query answers with the given order. */
const withOrder = (order: object | undefined) =>
  ({ resolve: () => ({ graph: async () => ({ data: order ? [order] : [] }) }) }) as unknown as MedusaContainer

const fulfillment = (id: string, created_at: string, extra: object = {}) => ({
  id,
  location_id: "sloc_1",
  created_at,
  canceled_at: null,
  items: [{ inventory_item_id: "iitem_1" }],
  ...extra,
})

describe("attributeOrderMovement", () => {
  it("names the latest live fulfilment at the location holding the item when stock went down", async () => {
    const order = {
      id: "order_1",
      fulfillments: [
        fulfillment("ful_old", "2026-01-01T10:00:00Z"),
        fulfillment("ful_new", "2026-01-02T10:00:00Z"),
        fulfillment("ful_cancelled", "2026-01-03T10:00:00Z", { canceled_at: "2026-01-03T11:00:00Z" }),
        fulfillment("ful_elsewhere", "2026-01-04T10:00:00Z", { location_id: "sloc_2" }),
        fulfillment("ful_other_item", "2026-01-05T10:00:00Z", { items: [{ inventory_item_id: "iitem_2" }] }),
      ],
      returns: [],
    }
    expect(await attributeOrderMovement(withOrder(order), "order_1", LEVEL, -2)).toEqual({
      source: "fulfillment",
      reference_type: "fulfillment",
      reference_id: "ful_new",
    })
  })

  it("picks the latest of a received return and a cancelled fulfilment when stock went up", async () => {
    const cancelled = fulfillment("ful_1", "2026-01-01T10:00:00Z", { canceled_at: "2026-01-02T10:00:00Z" })
    const received = {
      id: "ret_1",
      location_id: "sloc_1",
      status: "received",
      received_at: "2026-01-03T10:00:00Z",
      updated_at: "2026-01-03T10:00:00Z",
    }
    const requested = { ...received, id: "ret_2", status: "requested", received_at: null, updated_at: "2026-01-09T10:00:00Z" }
    expect(
      await attributeOrderMovement(
        withOrder({ id: "order_1", fulfillments: [cancelled], returns: [received, requested] }),
        "order_1",
        LEVEL,
        2
      )
    ).toEqual({ source: "return", reference_type: "return", reference_id: "ret_1" })
    expect(
      await attributeOrderMovement(withOrder({ id: "order_1", fulfillments: [cancelled], returns: [] }), "order_1", LEVEL, 2)
    ).toEqual({ source: "fulfillment_canceled", reference_type: "fulfillment", reference_id: "ful_1" })
  })

  it("falls back to the order when nothing fits", async () => {
    expect(await attributeOrderMovement(withOrder({ id: "order_1" }), "order_1", LEVEL, 1)).toEqual({
      source: "order",
      reference_type: "order",
      reference_id: "order_1",
    })
    expect(await attributeOrderMovement(withOrder(undefined), "order_9", LEVEL, -1)).toMatchObject({ source: "order" })
  })
})
