import { availableQuantity, DEFAULT_LOW_STOCK_THRESHOLD, lowStockThreshold } from "../low-stock"

describe("low stock", () => {
  it("uses the item's own threshold when its metadata holds a whole number", () => {
    expect(lowStockThreshold({ low_stock_threshold: 12 })).toBe(12)
    expect(lowStockThreshold({ low_stock_threshold: "3" })).toBe(3)
    expect(lowStockThreshold({ low_stock_threshold: 0 })).toBe(0)
  })

  it("falls back to the default threshold for anything else", () => {
    expect(DEFAULT_LOW_STOCK_THRESHOLD).toBe(5)
    for (const metadata of [null, undefined, {}, { low_stock_threshold: -1 }, { low_stock_threshold: 2.5 }]) {
      expect(lowStockThreshold(metadata)).toBe(5)
    }
    for (const raw of ["", "ten", null, true, { value: 3 }]) {
      expect(lowStockThreshold({ low_stock_threshold: raw })).toBe(5)
    }
  })

  it("sums stocked minus reserved over every location", () => {
    expect(
      availableQuantity([
        { stocked_quantity: 10, reserved_quantity: 7 },
        { stocked_quantity: "4", reserved_quantity: 0 },
        { stocked_quantity: 2 },
      ])
    ).toBe(9)
    expect(availableQuantity([{ stocked_quantity: 1, reserved_quantity: 3 }])).toBe(-2)
    expect(availableQuantity([])).toBe(0)
  })
})
