import { addDays, isCalendarDate, localDate, localDayRange, localHour } from "../store-day"

describe("store days", () => {
  it("maps a Lagos day (UTC+1) to the UTC interval it covers", () => {
    const { from, to } = localDayRange("2026-03-10", "Africa/Lagos")
    expect(from.toISOString()).toBe("2026-03-09T23:00:00.000Z")
    expect(to.toISOString()).toBe("2026-03-10T23:00:00.000Z")
  })

  it("handles half-hour offsets", () => {
    expect(localDayRange("2026-01-15", "Asia/Kolkata").from.toISOString()).toBe("2026-01-14T18:30:00.000Z")
  })

  it("gives days of 23 and 25 hours across daylight-saving changes", () => {
    const spring = localDayRange("2026-03-08", "America/New_York")
    expect([spring.from.toISOString(), spring.to.toISOString()]).toEqual([
      "2026-03-08T05:00:00.000Z",
      "2026-03-09T04:00:00.000Z",
    ])
    const autumn = localDayRange("2026-11-01", "America/New_York")
    expect([autumn.from.toISOString(), autumn.to.toISOString()]).toEqual([
      "2026-11-01T04:00:00.000Z",
      "2026-11-02T05:00:00.000Z",
    ])
  })

  it("reads the local date and hour of an instant", () => {
    const instant = new Date("2026-03-09T23:30:00.000Z")
    expect(localDate(instant, "Africa/Lagos")).toBe("2026-03-10")
    expect(localDate(instant, "UTC")).toBe("2026-03-09")
    expect(localHour(new Date("2026-03-10T06:00:00.000Z"), "Africa/Lagos")).toBe(7)
    expect(localHour(new Date("2026-03-09T23:00:00.000Z"), "Africa/Lagos")).toBe(0)
  })

  it("steps across month and year ends", () => {
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28")
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29")
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01")
  })

  it("accepts only real dates written YYYY-MM-DD", () => {
    expect(isCalendarDate("2026-02-28")).toBe(true)
    expect(isCalendarDate("2026-02-30")).toBe(false)
    expect(isCalendarDate("2026-2-3")).toBe(false)
    expect(isCalendarDate("yesterday")).toBe(false)
    expect(() => addDays("2026-13-01", 1)).toThrow(/YYYY-MM-DD/)
  })
})
