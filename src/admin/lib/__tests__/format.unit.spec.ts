import { formatDateTime, formatSigned, startOfLocalDay, toLocalDay } from "../format"

describe("admin formatting", () => {
  it("reads YYYY-MM-DD as the local day's start and rejects days that do not exist", () => {
    expect(startOfLocalDay("2026-03-05")).toEqual(new Date(2026, 2, 5))
    expect(startOfLocalDay("2024-02-29")).toEqual(new Date(2024, 1, 29))
    expect(startOfLocalDay("2026-02-29")).toBeNull()
    expect(startOfLocalDay("2026-3-5")).toBeNull()
    expect(startOfLocalDay("")).toBeNull()
  })

  it("writes the local day back", () => {
    expect(toLocalDay(new Date(2026, 0, 9, 23, 59))).toBe("2026-01-09")
  })

  it("shows the sign of a change and a dash for missing dates", () => {
    expect(formatSigned(5)).toBe("+5")
    expect(formatSigned(-3)).toBe("-3")
    expect(formatDateTime(null)).toBe("-")
    expect(formatDateTime("not a date")).toBe("-")
    expect(formatDateTime("2026-03-05T10:00:00Z")).not.toBe("-")
  })
})
