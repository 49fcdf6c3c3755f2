import {
  changeEntries,
  describeActor,
  describeChainReport,
  formatIp,
  formatValue,
  payloadDetails,
  resourcePath,
  statusCodeOf,
  summarizeChanges,
} from "../activity-format"

const adminRequest = {
  method: "POST",
  route: "/admin/products/prod_1",
  status_code: 200,
  changes: { title: { after: "Blue shirt" }, status: { after: "published" } },
}

describe("activity event formatting", () => {
  it("reads before/after changes, after-only changes and names-only bodies", () => {
    expect(changeEntries({ changes: { price: { before: 10, after: 12 } } })).toEqual([
      { field: "price", before: 10, after: 12, hasBefore: true, hasAfter: true },
    ])
    expect(changeEntries(adminRequest)).toEqual([
      { field: "title", before: undefined, after: "Blue shirt", hasBefore: false, hasAfter: true },
      { field: "status", before: undefined, after: "published", hasBefore: false, hasAfter: true },
    ])
    expect(changeEntries({ changes: { fields: ["title", "variants"] } })).toEqual([
      { field: "title", hasBefore: false, hasAfter: false },
      { field: "variants", hasBefore: false, hasAfter: false },
    ])
    // A before of null is a recorded value, not a missing one.
    expect(changeEntries({ changes: { note: { before: null, after: "x" } } })[0].hasBefore).toBe(true)
    expect(changeEntries(null)).toEqual([])
    expect(changeEntries({ changes: "oops" })).toEqual([])
  })

  it("summarises changes on one line and counts what it leaves out", () => {
    expect(summarizeChanges(adminRequest)).toBe("title: Blue shirt, status: published")
    expect(summarizeChanges({ changes: { price: { before: 10, after: 12 } } })).toBe("price: 10 → 12")
    const many = { changes: Object.fromEntries(["a", "b", "c", "d", "e"].map((key) => [key, { after: 1 }])) }
    expect(summarizeChanges(many)).toBe("a: 1, b: 1, c: 1 +2 more")
    expect(summarizeChanges(many, 2)).toBe("a: 1, b: 1 +3 more")
  })

  it("falls back to the payload's other facts, without the request bookkeeping", () => {
    expect(summarizeChanges({ method: "POST", route: "/admin/x", status_code: 201 })).toBe("")
    expect(summarizeChanges({ total: 5000, currency_code: "ngn" })).toBe("total: 5000, currency_code: ngn")
    expect(payloadDetails(adminRequest)).toEqual([])
    expect(statusCodeOf(adminRequest)).toBe(200)
    expect(statusCodeOf({ status_code: "200" })).toBeNull()
  })

  it("formats values on one line, cut to length", () => {
    expect(formatValue(null)).toBe("empty")
    expect(formatValue("")).toBe("empty")
    expect(formatValue(false)).toBe("false")
    expect(formatValue({ a: [1, 2] })).toBe('{"a":[1,2]}')
    expect(formatValue("line one\n  line two")).toBe("line one line two")
    expect(formatValue("abcdefghij", 5)).toBe("abcd…")
  })

  it("names the actor, the impersonator and system events", () => {
    const names = { user_1: "Ada Obi", user_2: "ops@store.test" }
    expect(describeActor({ actor_type: "user", actor_id: "user_1", impersonator_id: null }, names)).toEqual({
      name: "Ada Obi",
      detail: "Staff",
    })
    expect(describeActor({ actor_type: "customer", actor_id: "cus_1", impersonator_id: "user_2" }, names)).toEqual({
      name: "cus_1",
      detail: "Customer, impersonated by ops@store.test",
    })
    expect(describeActor({ actor_type: "system", actor_id: null, impersonator_id: null })).toEqual({
      name: "System",
      detail: "",
    })
  })

  it("shows IPv4 addresses without the IPv6-mapped prefix", () => {
    expect(formatIp("::ffff:127.0.0.1")).toBe("127.0.0.1")
    expect(formatIp("::1")).toBe("::1")
    expect(formatIp("2001:db8::ffff:1")).toBe("2001:db8::ffff:1")
    expect(formatIp(null)).toBe("-")
  })

  it("links resources that have a dashboard page", () => {
    expect(resourcePath("product", "prod_1")).toBe("/products/prod_1")
    expect(resourcePath("inventory_item", "iitem_1")).toBe("/inventory/iitem_1")
    expect(resourcePath("fx_rate", "fx_1")).toBeNull()
    expect(resourcePath("order", null)).toBeNull()
  })

  it("puts the verify result in words", () => {
    expect(describeChainReport({ valid: true, checked: 62, last_seq: 62, first_broken: null })).toEqual({
      title: "Chain intact",
      detail: "All 62 events check out, up to event #62.",
    })
    expect(describeChainReport({ valid: true, checked: 0, last_seq: null, first_broken: null }).detail).toBe(
      "The log is empty."
    )
    expect(
      describeChainReport({
        valid: false,
        checked: 1,
        last_seq: 2,
        first_broken: { seq: 2, id: "act_2", reason: "content does not match its hash" },
      })
    ).toEqual({
      title: "Chain broken at event #2",
      detail: "Content does not match its hash. Event act_2. The event before it checks out.",
    })
    expect(
      describeChainReport({
        valid: false,
        checked: 0,
        last_seq: 1,
        first_broken: { seq: 1, id: "act_1", reason: "row 1 is missing" },
      }).detail
    ).toBe("Row 1 is missing. Event act_1. It is the first event.")
  })
})
