import { redactionChanges, redactJson } from "../utils/redact"

const needles = { identifiers: ["ada@example.com", "+2348012345678"], names: ["Ada", "Ada Obi", "1 Marina"] }

describe("redactJson", () => {
  it("replaces strings carrying an identifier anywhere, and names only as whole values", () => {
    const data = {
      email: "ADA@example.com",
      note: "sent to ada@example.com",
      customer: { first_name: "ada", full: " Ada Obi ", city: "Canada" },
      lines: ["1 Marina", "12 Marina"],
      phone: "+2348012345678",
      amount: 1_600_000,
      captured: true,
      reference: "ps-123",
    }
    expect(redactJson(data, needles)).toEqual({
      email: "[erased]",
      note: "[erased]",
      customer: { first_name: "[erased]", full: "[erased]", city: "Canada" },
      lines: ["[erased]", "12 Marina"],
      phone: "[erased]",
      amount: 1_600_000,
      captured: true,
      reference: "ps-123",
    })
  })

  it("leaves null and already redacted values alone, so a second pass changes nothing", () => {
    const once = redactJson({ a: "ada@example.com", b: null }, needles)
    expect(redactionChanges(once, redactJson(once, needles))).toBe(false)
    expect(redactJson(null, needles)).toBeNull()
  })

  it("ignores needles too short to be safe substrings", () => {
    expect(redactJson({ a: "ab cd" }, { identifiers: ["ab"], names: [] })).toEqual({ a: "ab cd" })
  })
})
