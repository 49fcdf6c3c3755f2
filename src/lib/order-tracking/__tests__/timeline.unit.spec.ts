import { buildOrderTimeline, TrackedOrder } from "../timeline"

const at = (minutes: number) => new Date(Date.UTC(2025, 2, 1, 9, 0) + minutes * 60_000)
const iso = (minutes: number) => at(minutes).toISOString()

const order = (overrides: Partial<TrackedOrder> = {}): TrackedOrder => ({
  currency_code: "ngn",
  status: "pending",
  created_at: at(0),
  updated_at: at(0),
  canceled_at: null,
  payment_collections: [],
  fulfillments: [],
  ...overrides,
})

describe("buildOrderTimeline", () => {
  it("starts with the order being placed", () => {
    expect(buildOrderTimeline(order())).toEqual([{ status: "placed", at: iso(0) }])
  })

  it("follows a paid, fulfilled, shipped and delivered order in time order", () => {
    const timeline = buildOrderTimeline(
      order({
        status: "completed",
        payment_collections: [{ payments: [{ captures: [{ created_at: at(1), amount: 38000 }], refunds: [] }] }],
        fulfillments: [
          {
            created_at: at(60),
            shipped_at: at(120),
            delivered_at: at(24 * 60),
            canceled_at: null,
            provider_id: "manual_manual",
            metadata: { carrier: "GIG Logistics" },
            labels: [{ tracking_number: "GIG-123" }, { tracking_number: "GIG-456" }],
          },
        ],
      })
    )
    expect(timeline).toEqual([
      { status: "placed", at: iso(0) },
      { status: "paid", at: iso(1), detail: "₦38,000.00" },
      { status: "fulfilled", at: iso(60) },
      { status: "shipped", at: iso(120), detail: "GIG Logistics, tracking GIG-123, GIG-456" },
      { status: "delivered", at: iso(24 * 60) },
    ])
  })

  it("interleaves several fulfillments, captures and refunds by time", () => {
    const timeline = buildOrderTimeline(
      order({
        currency_code: "usd",
        created_at: at(0).toISOString(),
        payment_collections: [
          {
            payments: [
              {
                captures: [
                  { created_at: at(5), amount: "20" },
                  { created_at: at(2), amount: "49.69" },
                ],
                refunds: [{ created_at: at(300), amount: "5" }],
              },
            ],
          },
        ],
        fulfillments: [
          { created_at: at(200), shipped_at: null, delivered_at: null, labels: [] },
          { created_at: at(100), shipped_at: at(150), labels: [], provider_id: "dhl_express" },
        ],
      })
    )
    expect(timeline.map((e) => [e.status, e.at, e.detail])).toEqual([
      ["placed", iso(0), undefined],
      ["paid", iso(2), "$49.69"],
      ["paid", iso(5), "$20.00"],
      ["fulfilled", iso(100), undefined],
      ["shipped", iso(150), "dhl_express"],
      ["fulfilled", iso(200), undefined],
      ["refunded", iso(300), "$5.00"],
    ])
  })

  it("leaves out canceled fulfillments and shows the cancellation and refund", () => {
    const timeline = buildOrderTimeline(
      order({
        status: "canceled",
        canceled_at: at(30),
        payment_collections: [
          {
            payments: [
              {
                captures: [{ created_at: at(1), amount: 12500 }],
                refunds: [{ created_at: at(31), amount: 12500 }],
              },
            ],
          },
        ],
        fulfillments: [{ created_at: at(10), canceled_at: at(20), labels: [] }],
      })
    )
    expect(timeline).toEqual([
      { status: "placed", at: iso(0) },
      { status: "paid", at: iso(1), detail: "₦12,500.00" },
      { status: "canceled", at: iso(30) },
      { status: "refunded", at: iso(31), detail: "₦12,500.00" },
    ])
  })

  it("uses the last update as the cancellation time when canceled_at is missing", () => {
    const timeline = buildOrderTimeline(order({ status: "canceled", canceled_at: null, updated_at: at(45) }))
    expect(timeline).toEqual([
      { status: "placed", at: iso(0) },
      { status: "canceled", at: iso(45) },
    ])
  })

  it("shows a payment captured while the checkout completed at the time the order was placed, after it", () => {
    const placed = new Date("2025-03-01T09:00:00.500Z")
    const timeline = buildOrderTimeline(
      order({
        created_at: placed,
        payment_collections: [
          { payments: [{ captures: [{ created_at: new Date("2025-03-01T09:00:00.450Z"), amount: 100 }] }] },
        ],
      })
    )
    expect(timeline).toEqual([
      { status: "placed", at: placed.toISOString() },
      { status: "paid", at: placed.toISOString(), detail: "₦100.00" },
    ])
  })

  it("has no detail for a shipment without carrier or tracking numbers, and tolerates missing relations", () => {
    const timeline = buildOrderTimeline(
      order({
        payment_collections: [null, { payments: null }, { payments: [{ captures: null, refunds: [null] }] }],
        fulfillments: [
          null,
          { created_at: at(10), shipped_at: at(20), provider_id: "manual_manual", labels: [{ tracking_number: " " }] },
        ],
      })
    )
    expect(timeline).toEqual([
      { status: "placed", at: iso(0) },
      { status: "fulfilled", at: iso(10) },
      { status: "shipped", at: iso(20) },
    ])
  })

  it("formats amounts in a currency the store does not sell in instead of failing", () => {
    const timeline = buildOrderTimeline(
      order({
        currency_code: "eur",
        payment_collections: [{ payments: [{ captures: [{ created_at: at(1), amount: "12.5" }] }] }],
      })
    )
    expect(timeline[1]).toEqual({ status: "paid", at: iso(1), detail: "12.5 EUR" })
  })
})
