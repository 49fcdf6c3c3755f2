import {
  activityApiFilters,
  activityFilterProblems,
  activityPageLink,
  countActivityFilters,
  EMPTY_ACTIVITY_FILTERS,
  readActivityFilters,
  writeActivityFilters,
} from "../activity-filters"

const filters = (patch: Partial<typeof EMPTY_ACTIVITY_FILTERS>) => ({ ...EMPTY_ACTIVITY_FILTERS, ...patch })

describe("activity filters", () => {
  it("reads the filters from the URL, trimming text and dropping unknown values", () => {
    const values = readActivityFilters(
      new URLSearchParams("actor_id=%20user_1%20&actor_type=robot&resource_type=product&from=2026-02-30&to=2026-03-05&x=1")
    )
    expect(values).toEqual(filters({ actor_id: "user_1", resource_type: "product", to: "2026-03-05" }))
    expect(readActivityFilters(new URLSearchParams("actor_type=webhook")).actor_type).toBe("webhook")
  })

  it("writes only the filters that are set, and reads back what it wrote", () => {
    const values = filters({ resource_type: "order", resource_id: " order_1 ", from: "2026-03-01" })
    const params = writeActivityFilters(values)
    expect(params.toString()).toBe("resource_type=order&resource_id=order_1&from=2026-03-01")
    expect(readActivityFilters(params)).toEqual({ ...values, resource_id: "order_1" })
    expect(writeActivityFilters(EMPTY_ACTIVITY_FILTERS).toString()).toBe("")
  })

  it("turns the day range into local instants with an exclusive end the day after", () => {
    const query = activityApiFilters(filters({ from: "2026-03-01", to: "2026-03-31", action: " product.updated " }))
    expect(query).toEqual({
      action: "product.updated",
      from: new Date(2026, 2, 1).toISOString(),
      to: new Date(2026, 3, 1).toISOString(),
    })
    // One day: from its start to the next day's start.
    const oneDay = activityApiFilters(filters({ from: "2026-12-31", to: "2026-12-31" }))
    expect(oneDay).toEqual({ from: new Date(2026, 11, 31).toISOString(), to: new Date(2027, 0, 1).toISOString() })
  })

  it("leaves out empty text and sends the actor type only when chosen", () => {
    expect(activityApiFilters(filters({ actor_id: "  ", resource_id: "" }))).toEqual({})
    expect(activityApiFilters(filters({ actor_type: "system", actor_id: "job" }))).toEqual({
      actor_type: "system",
      actor_id: "job",
    })
  })

  it("refuses a start after the end and days that do not exist", () => {
    expect(activityFilterProblems(filters({ from: "2026-03-02", to: "2026-03-01" }))).toEqual([
      "The start date is after the end date.",
    ])
    expect(activityFilterProblems(filters({ from: "2026-03-01", to: "2026-03-01" }))).toEqual([])
    expect(activityFilterProblems(filters({ from: "2026-02-30", to: "soon" }))).toEqual([
      "The start date is not a valid day.",
      "The end date is not a valid day.",
    ])
  })

  it("counts the filters in force and links to the page filtered for one resource", () => {
    expect(countActivityFilters(filters({ actor_id: "user_1", from: "2026-01-01", action: " " }))).toBe(2)
    expect(activityPageLink({ resource_type: "product", resource_id: "prod_01H" })).toBe(
      "/activity?resource_type=product&resource_id=prod_01H"
    )
    expect(activityPageLink({})).toBe("/activity")
  })
})
