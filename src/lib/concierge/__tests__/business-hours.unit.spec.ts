import { addBusinessMinutes, parseBusinessHours } from "../business-hours"

const LAGOS = "Africa/Lagos" // UTC+1 all year

describe("parseBusinessHours", () => {
  it("reads day ranges, single days and wrapping ranges", () => {
    expect(parseBusinessHours("mon-fri 08:00-18:00, sat 10:00-14:00")).toEqual([
      { days: [1, 2, 3, 4, 5], from: 480, to: 1080 },
      { days: [6], from: 600, to: 840 },
    ])
    expect(parseBusinessHours("fri-mon 09:30-17:00")[0].days).toEqual([5, 6, 0, 1])
  })

  it("treats an empty schedule or `always` as around the clock", () => {
    expect(parseBusinessHours("")).toEqual([])
    expect(parseBusinessHours("Always")).toEqual([])
  })

  it("explains a schedule it cannot read", () => {
    expect(() => parseBusinessHours("weekdays 9-5")).toThrow(/should look like/)
    expect(() => parseBusinessHours("mon 18:00-08:00")).toThrow(/ends before it starts/)
    expect(() => parseBusinessHours("mon 08:70-09:00")).toThrow(/not a time/)
    expect(() => parseBusinessHours("xyz 08:00-09:00")).toThrow(/not a day/)
  })
})

describe("addBusinessMinutes", () => {
  const weekdays = parseBusinessHours("mon-fri 08:00-18:00")

  it("adds plain minutes inside opening hours", () => {
    // Wednesday 2026-11-25 10:00 Lagos = 09:00Z.
    expect(addBusinessMinutes(new Date("2026-11-25T09:00:00Z"), 15, weekdays, LAGOS).toISOString()).toBe(
      "2026-11-25T09:15:00.000Z"
    )
  })

  it("counts from the next opening when closed, carrying over the close", () => {
    // Wednesday 22:00 Lagos -> Thursday 08:15 Lagos.
    expect(addBusinessMinutes(new Date("2026-11-25T21:00:00Z"), 15, weekdays, LAGOS).toISOString()).toBe(
      "2026-11-26T07:15:00.000Z"
    )
    // Friday 17:50 Lagos: 10 minutes on Friday, 5 on Monday at 08:05.
    expect(addBusinessMinutes(new Date("2026-11-27T16:50:00Z"), 15, weekdays, LAGOS).toISOString()).toBe(
      "2026-11-30T07:05:00.000Z"
    )
  })

  it("is plain time when the schedule is around the clock", () => {
    expect(addBusinessMinutes(new Date("2026-11-28T23:00:00Z"), 15, [], LAGOS).toISOString()).toBe(
      "2026-11-28T23:15:00.000Z"
    )
  })

  it("follows the zone's clock across a daylight-saving change", () => {
    // New York, Sunday 2026-03-08 is the spring-forward day; Monday 09:00 EDT = 13:00Z.
    const hours = parseBusinessHours("mon-fri 09:00-17:00")
    expect(addBusinessMinutes(new Date("2026-03-07T18:00:00Z"), 30, hours, "America/New_York").toISOString()).toBe(
      "2026-03-09T13:30:00.000Z"
    )
  })
})
