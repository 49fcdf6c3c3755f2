import { convertAmount } from "../rounding"

describe("convertAmount", () => {
  it("rounds NGN to the nearest 50, half up", () => {
    expect(convertAmount("12.35", "1550", "ngn")).toBe("19150.00")
    expect(convertAmount("59.99", "1550", "ngn")).toBe("93000.00")
    expect(convertAmount("0.01", "1550", "ngn")).toBe("50.00")
  })

  it("ends USD prices in .99 at or above the converted amount's whole step", () => {
    expect(convertAmount("45000", "0.000645161290322580645", "usd")).toBe("29.99")
    expect(convertAmount("15500", "0.00064516129032258064516", "usd")).toBe("9.99")
    expect(convertAmount("15600", "0.00064516129032258064516", "usd")).toBe("10.99")
    expect(convertAmount("100", "0.00064516129032258064516", "usd")).toBe("0.99")
  })

  it("refuses a currency without a rounding rule", () => {
    expect(() => convertAmount("1", "1", "eur")).toThrow("No FX rounding rule for EUR")
  })
})
