import type { AnalyticsSnapshot } from "../../../../hooks/analytics"
import { csvField, CSV_COLUMNS, snapshotsToCsv } from "../csv"
import { changeTone, chartPoints, daysBetween, formatAmount, formatChange, formatRate, isZero } from "../format"

const snapshot = (overrides: Partial<AnalyticsSnapshot> = {}): AnalyticsSnapshot => ({
  id: "asnap_1",
  date: "2026-03-10",
  currency_code: "ngn",
  time_zone: "Africa/Lagos",
  orders: 2,
  gmv: "41925.00",
  discounts: "1075.00",
  shipping: "5375.00",
  tax: "2925.00",
  refunds: "2150.00",
  net_revenue: "39775.00",
  average_order_value: "20962.50",
  items_sold: 4,
  new_customers: 0,
  returning_customers: 2,
  carts_created: 4,
  carts_completed: 2,
  conversion_rate: "0.5000",
  canceled_orders: 1,
  low_stock_items: 3,
  open_conversations: 2,
  broadcast_messages_sent: 3,
  top_products: {
    by_revenue: [{ product_id: "prod_1", title: "Adire scarf, indigo", units: 3, revenue: "32250.00" }],
    by_units: [],
  },
  top_variants: { by_revenue: [], by_units: [] },
  computed_at: "2026-03-11T00:10:00.000Z",
  ...overrides,
})

describe("analytics formatting", () => {
  it("formats decimal string amounts without floats", () => {
    expect(formatAmount("41925.00", "ngn")).toBe("₦41,925.00")
    expect(formatAmount("1234567890123456789.5", "usd")).toBe("$1,234,567,890,123,456,789.50")
    expect(formatAmount("-4.40", "usd")).toBe("-$4.40")
    expect(formatAmount("-0.00", "usd")).toBe("$0.00")
    expect(formatAmount("7", "ngn")).toBe("₦7.00")
    expect(formatAmount(null, "ngn")).toBe("-")
    expect(formatAmount("12,5", "ngn")).toBe("-")
  })

  it("formats counts, rates and changes", () => {
    expect(formatRate("0.6667")).toBe("66.7%")
    expect(formatRate(null)).toBe("-")
    expect(formatChange("12.5")).toBe("+12.5%")
    expect(formatChange("-100.0")).toBe("-100.0%")
    expect(formatChange("0.0")).toBe("0.0%")
    expect(formatChange(null)).toBe("new")
    expect(formatChange(null, true)).toBe("-")
    expect([isZero(0), isZero("0.00"), isZero(null), isZero("0.0001"), isZero(3)]).toEqual([
      true,
      true,
      true,
      false,
      false,
    ])
    expect(changeTone("12.5")).toBe("green")
    expect(changeTone("12.5", true)).toBe("red")
    expect(changeTone("-3.0", true)).toBe("green")
    expect(changeTone("0.0")).toBe("grey")
  })

  it("plots every day of the range, with gaps where a day has no snapshot", () => {
    expect(daysBetween("2026-02-27", "2026-03-01")).toEqual(["2026-02-27", "2026-02-28", "2026-03-01"])
    const points = chartPoints([snapshot({ date: "2026-03-10" })], "2026-03-09", "2026-03-10")
    expect(points.map((p) => [p.date, p.gmv, p.orders, p.aov, p.conversion])).toEqual([
      ["2026-03-09", null, null, null, null],
      ["2026-03-10", 41925, 2, 20962.5, 50],
    ])
  })

  it("exports snapshots as CSV with amounts exactly as sent, quoting where needed", () => {
    const csv = snapshotsToCsv([snapshot(), snapshot({ currency_code: "usd", gmv: "102.70", conversion_rate: null })])
    const [header, first, second, end] = csv.split("\r\n")
    expect(header.split(",")).toEqual([...CSV_COLUMNS])
    expect(first).toBe(
      '2026-03-10,ngn,2,41925.00,1075.00,5375.00,2925.00,2150.00,39775.00,20962.50,4,0,2,4,2,0.5000,1,3,2,3,"Adire scarf, indigo",Africa/Lagos,2026-03-11T00:10:00.000Z'
    )
    expect(second.split(",").slice(0, 4)).toEqual(["2026-03-10", "usd", "2", "102.70"])
    expect(second.split(",")[15]).toBe("")
    expect(end).toBe("")
  })

  it("neutralises spreadsheet formulas but keeps negative numbers", () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
    expect(csvField("-4.40")).toBe("-4.40")
    expect(csvField("-cmd")).toBe("'-cmd")
    expect(csvField(null)).toBe("")
  })
})
