import {
  buildInboxQuery,
  DEFAULT_INBOX_FILTERS,
  inboxSearchParams,
  isCustomFilter,
  parseInboxFilters,
  withFilter,
} from "../inbox-filters"

describe("inbox filters", () => {
  it("asks for open and pending conversations, first page, by default", () => {
    expect(buildInboxQuery(DEFAULT_INBOX_FILTERS, 20)).toEqual({ status: ["open", "pending"], limit: 20, offset: 0 })
  })

  it("maps each filter to the API's parameters and leaves unset ones out", () => {
    const filters = {
      status: "resolved",
      assignee: "me",
      unread: true,
      overdue: true,
      q: "  CN-7K3  ",
      page: 2,
    } as const
    expect(buildInboxQuery(filters, 20)).toEqual({
      status: "resolved",
      assignee_id: "me",
      unread: true,
      overdue: true,
      q: "CN-7K3",
      limit: 20,
      offset: 40,
    })
    expect(buildInboxQuery({ ...DEFAULT_INBOX_FILTERS, status: "all", assignee: "none", q: "   " }, 10)).toEqual({
      assignee_id: "none",
      limit: 10,
      offset: 0,
    })
  })

  it("never sends more search text than the API accepts", () => {
    const long = "x".repeat(80)
    expect(buildInboxQuery({ ...DEFAULT_INBOX_FILTERS, q: long }, 20).q).toHaveLength(50)
    expect(parseInboxFilters(new URLSearchParams({ q: long })).q).toHaveLength(50)
  })

  it("round-trips through the page URL, which shows pages from 1", () => {
    const filters = {
      status: "pending",
      assignee: "none",
      unread: true,
      overdue: false,
      q: "+234803",
      page: 3,
    } as const
    const params = inboxSearchParams(filters)
    expect(params.toString()).toBe("status=pending&assignee=none&unread=1&q=%2B234803&page=4")
    expect(parseInboxFilters(params)).toEqual(filters)
    expect(inboxSearchParams(DEFAULT_INBOX_FILTERS).toString()).toBe("")
  })

  it("falls back to defaults for unknown or broken URL values", () => {
    expect(
      parseInboxFilters(new URLSearchParams({ status: "archived", assignee: "bob", unread: "yes", page: "-2" }))
    ).toEqual(DEFAULT_INBOX_FILTERS)
    expect(parseInboxFilters(new URLSearchParams({ page: "1.5" })).page).toBe(0)
  })

  it("goes back to the first page when a filter changes", () => {
    const onPage3 = { ...DEFAULT_INBOX_FILTERS, page: 2 }
    expect(withFilter(onPage3, { unread: true })).toEqual({ ...DEFAULT_INBOX_FILTERS, unread: true, page: 0 })
  })

  it("tells the default inbox from a filtered one, whatever the page", () => {
    expect(isCustomFilter({ ...DEFAULT_INBOX_FILTERS, page: 4 })).toBe(false)
    expect(isCustomFilter({ ...DEFAULT_INBOX_FILTERS, overdue: true })).toBe(true)
    expect(isCustomFilter({ ...DEFAULT_INBOX_FILTERS, status: "all" })).toBe(true)
  })
})
