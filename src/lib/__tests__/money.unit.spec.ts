import { fromMinorUnits, toMinorUnits } from "../money"

describe("money", () => {
  it("converts major units to integer kobo and cents without float drift", () => {
    expect(toMinorUnits(38000, "ngn")).toBe(3_800_000)
    expect(toMinorUnits("69.69", "usd")).toBe(6969)
    // 0.1 + 0.2 in floats is 0.30000000000000004
    expect(toMinorUnits(0.1 + 0.2, "usd")).toBe(30)
    expect(toMinorUnits("1.005", "usd")).toBe(101)
  })

  it("converts minor units back to exact decimal strings", () => {
    expect(fromMinorUnits(3_800_000, "NGN")).toBe("38000.00")
    expect(fromMinorUnits("6969", "usd")).toBe("69.69")
  })

  it("rejects currencies the store does not sell in", () => {
    expect(() => toMinorUnits(1, "eur")).toThrow(/not supported/)
  })
})
