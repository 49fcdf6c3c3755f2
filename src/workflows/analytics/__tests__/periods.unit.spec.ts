import { assertDateRange, daysInRange, eachDay, percentChange, previousPeriod } from "../utils/periods"

describe("analytics periods", () => {
  it("counts and lists the days of a range, both ends included", () => {
    expect(daysInRange("2026-02-27", "2026-03-02")).toBe(4)
    expect(eachDay("2026-02-27", "2026-03-02")).toEqual(["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"])
    expect(eachDay("2026-03-02", "2026-03-01")).toEqual([])
  })

  it("gives the period of the same length just before", () => {
    expect(previousPeriod("2026-03-01", "2026-03-07")).toEqual({ from: "2026-02-22", to: "2026-02-28" })
    expect(previousPeriod("2026-01-01", "2026-01-01")).toEqual({ from: "2025-12-31", to: "2025-12-31" })
  })

  it("refuses ranges that are not dates, out of order or too long, naming the field", () => {
    expect(() => assertDateRange("2026-02-30", "2026-03-01")).toThrow(/from must be a calendar date/)
    expect(() => assertDateRange("2026-03-01", "tomorrow")).toThrow(/to must be a calendar date/)
    expect(() => assertDateRange("2026-03-02", "2026-03-01")).toThrow(/must not be before from/)
    expect(() => assertDateRange("2025-01-01", "2026-01-02")).toThrow(/367 days; at most 366/)
    expect(() => assertDateRange("2025-01-01", "2026-01-01")).not.toThrow()
  })

  it("computes percent change in decimals, with one place, and none against zero", () => {
    expect(percentChange("41925.00", "12900.00")).toBe("225.0")
    expect(percentChange("102.70", "44.00")).toBe("133.4")
    expect(percentChange(0, "4.40")).toBe("-100.0")
    expect(percentChange("0.5000", "0.5000")).toBe("0.0")
    // 1/3 up: 33.333… rounds half up to one place.
    expect(percentChange(4, 3)).toBe("33.3")
    expect(percentChange("0.1", "0.3")).toBe("-66.7")
    expect(percentChange("5", "0.00")).toBeNull()
    expect(percentChange(null, "5")).toBeNull()
  })
})
