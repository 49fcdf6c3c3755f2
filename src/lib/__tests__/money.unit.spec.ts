import { MathBN } from "@medusajs/framework/utils"
import { formatMoney, fromMinorUnits, toMinorUnits } from "../money"

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

  describe("formatMoney", () => {
    it("formats naira and dollars with the symbol, thousands separators and two decimals", () => {
      expect(formatMoney("12500", "ngn")).toBe("₦12,500.00")
      expect(formatMoney(24.99, "USD")).toBe("$24.99")
      expect(formatMoney("1234567.5", "ngn")).toBe("₦1,234,567.50")
      expect(formatMoney(999, "usd")).toBe("$999.00")
      expect(formatMoney(1000, "usd")).toBe("$1,000.00")
      expect(formatMoney(0, "usd")).toBe("$0.00")
      expect(formatMoney("0.05", "usd")).toBe("$0.05")
      expect(formatMoney(MathBN.convert("38000"), "ngn")).toBe("₦38,000.00")
    })

    it("puts the sign before the symbol for negative amounts", () => {
      expect(formatMoney(-5, "usd")).toBe("-$5.00")
      expect(formatMoney("-12500.5", "ngn")).toBe("-₦12,500.50")
      // Rounds to zero: no "-$0.00".
      expect(formatMoney("-0.001", "usd")).toBe("$0.00")
    })

    it("rounds to the minor unit without float drift", () => {
      expect(formatMoney(0.1 + 0.2, "usd")).toBe("$0.30")
      expect(formatMoney("1.005", "usd")).toBe("$1.01")
      expect(formatMoney("19.994", "usd")).toBe("$19.99")
    })

    it("rejects currencies the store does not sell in and amounts that are not numbers", () => {
      expect(() => formatMoney(1, "eur")).toThrow(/not supported/)
      expect(() => formatMoney("abc", "usd")).toThrow(/Invalid amount/)
      expect(() => formatMoney("1e20", "usd")).toThrow(/too large/)
    })
  })
})
