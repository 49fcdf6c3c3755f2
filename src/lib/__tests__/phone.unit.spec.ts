import { phoneSpellings, toE164 } from "../phone"

describe("toE164", () => {
  it.each([
    ["08031234567", "+2348031234567"],
    ["0803 123 4567", "+2348031234567"],
    ["+234 803 123 4567", "+2348031234567"],
    ["2348031234567", "+2348031234567"],
    ["+1 (415) 555-2671", "+14155552671"],
    ["+44 7911 123456", "+447911123456"],
  ])("reads %s as %s", (input, expected) => {
    expect(toE164(input)).toBe(expected)
  })

  it.each(["12345", "0803", "not a phone", "+999 123", ""])("refuses %p", (input) => {
    expect(toE164(input)).toBeNull()
  })
})

describe("phoneSpellings", () => {
  it("lists the forms a customer record may hold", () => {
    expect(phoneSpellings("+2348031234567")).toEqual(["+2348031234567", "2348031234567", "08031234567"])
  })
})
