import { formatDate, formatDateTime, formatMoney, formatSigned, startOfLocalDay, toLocalDay } from "../format"

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

  it("formats a date and time in the locale given, with seconds on request", () => {
    const at = new Date(2030, 0, 2, 14, 5, 9)
    // Newer ICU puts a narrow no-break space before PM.
    const plain = (text: string) => text.replace(/\s/g, " ")
    expect(plain(formatDateTime(at, { locale: "en-US" }))).toBe("Jan 2, 2030, 2:05 PM")
    expect(plain(formatDateTime(at, { locale: "en-US", seconds: true }))).toBe("Jan 2, 2030, 2:05:09 PM")
    expect(formatDate(at, { locale: "en-US" })).toBe("Jan 2, 2030")
    expect(formatDate(undefined)).toBe("-")
  })

  it("formats major-unit amounts with the currency's symbol", () => {
    const enUS = { locale: "en-US" }
    expect(formatMoney(12500, "ngn", enUS)).toBe("₦12,500.00")
    expect(formatMoney(19.5, "USD", enUS)).toBe("$19.50")
    expect(formatMoney(0, "usd", enUS)).toBe("$0.00")
    expect(formatMoney(null, "usd", enUS)).toBe("-")
    expect(formatMoney(5, null, enUS)).toBe("5.00")
  })
})
