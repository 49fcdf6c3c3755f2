import type { AnalyticsSnapshot, AnalyticsSummary } from "../../../../hooks/analytics"
import { csvField, CSV_COLUMNS, snapshotsToCsv } from "../csv"
import {
  changeTone,
  chartPoints,
  coverageNotice,
  daysBetween,
  formatAmount,
  formatChange,
  formatRate,
  isZero,
  needsDot,
  shiftDay,
  shortDay,
} from "../format"

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

  it("shifts calendar days across months, leap days, years and DST changes", () => {
    expect(shiftDay("2026-03-01", -1)).toBe("2026-02-28")
    expect(shiftDay("2024-02-28", 1)).toBe("2024-02-29")
    expect(shiftDay("2026-12-31", 1)).toBe("2027-01-01")
    expect(shiftDay("2026-01-09", -29)).toBe("2025-12-11")
    expect(shiftDay("2026-01-09", -364)).toBe("2025-01-10")
    // Days on which clocks change somewhere (US, EU, Chile at midnight): the date is plain arithmetic.
    expect(shiftDay("2026-03-08", 1)).toBe("2026-03-09")
    expect(shiftDay("2026-03-30", -1)).toBe("2026-03-29")
    expect(shiftDay("2026-09-06", -1)).toBe("2026-09-05")
    expect(shiftDay("2026-03-10", 0)).toBe("2026-03-10")
  })

  it("labels an axis day as written, whatever the browser's zone", () => {
    expect(shortDay("2026-03-09", "en-US")).toBe("Mar 9")
    expect(shortDay("2026-01-01", "en-US")).toBe("Jan 1")
  })

  it("plots every day of the range, with gaps where a day has no snapshot", () => {
    expect(daysBetween("2026-02-27", "2026-03-01")).toEqual(["2026-02-27", "2026-02-28", "2026-03-01"])
    const points = chartPoints([snapshot({ date: "2026-03-10" })], "2026-03-09", "2026-03-10")
    expect(points.map((p) => [p.date, p.gmv, p.orders, p.aov, p.conversion])).toEqual([
      ["2026-03-09", null, null, null, null],
      ["2026-03-10", 41925, 2, 20962.5, 50],
    ])
  })

  it("marks every day on a short range, only days standing alone on a long one", () => {
    const short = chartPoints([snapshot({ date: "2026-03-10" })], "2026-03-08", "2026-03-10")
    expect([0, 1, 2].map((i) => needsDot(short, i, "gmv"))).toEqual([false, false, true])
    const days = daysBetween("2026-01-01", "2026-03-31")
    const long = chartPoints(
      days
        .filter((day) => day !== "2026-02-09" && day !== "2026-02-11" && day !== "2026-03-31")
        .map((date) => snapshot({ date, conversion_rate: date === "2026-03-01" ? null : "0.5000" })),
      days[0],
      days[days.length - 1]
    )
    const at = (day: string) => days.indexOf(day)
    expect(needsDot(long, at("2026-02-10"), "gmv")).toBe(true)
    expect(needsDot(long, at("2026-02-12"), "gmv")).toBe(false)
    expect(needsDot(long, at("2026-02-09"), "gmv")).toBe(false)
    expect(needsDot(long, at("2026-03-30"), "gmv")).toBe(false)
    expect(needsDot(long, at("2026-03-02"), "conversion")).toBe(false)
    expect(needsDot(long, at("2026-03-01"), "conversion")).toBe(false)
  })

  it("says when the period or the one before it lacks snapshots", () => {
    const coverage = (days: number, current: number, previous: number) =>
      coverageNotice({
        days,
        period: { days_with_snapshots: current } as AnalyticsSummary["period"],
        previous_period: { days_with_snapshots: previous } as AnalyticsSummary["previous_period"],
      })
    expect(coverage(30, 30, 30)).toBeNull()
    expect(coverage(30, 29, 30)).toMatch(/^29 of 30 days have a snapshot\. Missing days are filled/)
    expect(coverage(365, 363, 33)).toMatch(
      /^363 of 365 days have a snapshot\. The 365 days before have 33, so the changes compare with fewer days\. Missing/
    )
    expect(coverage(7, 7, 0)).toMatch(/^The 7 days before have none, so there is nothing to compare with\. Missing/)
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
