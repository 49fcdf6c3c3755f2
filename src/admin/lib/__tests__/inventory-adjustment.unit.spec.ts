import {
  AdjustStockForm,
  checkAdjustStock,
  emptyAdjustStockForm,
  ledgerEntryLabel,
  parseDelta,
  previewAdjustment,
} from "../inventory-adjustment"

const form = (patch: Partial<AdjustStockForm>): AdjustStockForm => ({
  ...emptyAdjustStockForm,
  locationId: "sloc_1",
  delta: "5",
  reason: "restock",
  ...patch,
})

describe("adjust stock form", () => {
  it("parses signed whole numbers other than 0", () => {
    expect(parseDelta("+5")).toBe(5)
    expect(parseDelta(" -3 ")).toBe(-3)
    expect(parseDelta("- 3")).toBe(-3)
    expect(parseDelta("12")).toBe(12)
    for (const bad of ["0", "-0", "1.5", "5e2", "abc", "", "--2", "99999999999999999999"]) {
      expect(parseDelta(bad)).toBeNull()
    }
  })

  it("builds the request body with the note trimmed, or left out when blank", () => {
    expect(checkAdjustStock(form({ delta: "-2", reason: "damage", note: "  dropped  " }), "iitem_1")).toEqual({
      input: { inventory_item_id: "iitem_1", location_id: "sloc_1", delta: -2, reason: "damage", note: "dropped" },
      problems: [],
    })
    expect(checkAdjustStock(form({ note: "   " }), "iitem_1").input).toEqual({
      inventory_item_id: "iitem_1",
      location_id: "sloc_1",
      delta: 5,
      reason: "restock",
    })
  })

  it("says what is missing or wrong", () => {
    expect(checkAdjustStock(form({ locationId: "", delta: "", reason: "" }), "iitem_1")).toEqual({
      input: null,
      problems: ["Pick a location.", "Enter the change in units, e.g. 5 or -3.", "Pick a reason."],
    })
    expect(checkAdjustStock(form({ delta: "0" }), "iitem_1").problems).toEqual([
      "The change must be a whole number other than 0, e.g. 5 or -3.",
    ])
    expect(checkAdjustStock(form({ delta: "2000000000" }), "iitem_1").problems).toEqual(["The change is too large."])
    expect(checkAdjustStock(form({ note: "x".repeat(1001) }), "iitem_1").problems).toEqual([
      "The note is longer than 1000 characters.",
    ])
  })

  it("previews the level after, warning when the server will refuse it", () => {
    const level = { stocked_quantity: 10, reserved_quantity: 4 }
    expect(previewAdjustment(level, { delta: "-3", reason: "damage" })).toEqual({ before: 10, after: 7, warning: null })
    expect(previewAdjustment(level, { delta: "-11", reason: "loss" })?.warning).toBe(
      "Stock cannot go below 0: this will be refused."
    )
    expect(previewAdjustment(level, { delta: "-7", reason: "correction" })?.warning).toBe(
      "Fewer than the 4 reserved would be left: this will be refused."
    )
    expect(previewAdjustment(undefined, { delta: "5", reason: "restock" })).toBeNull()
    expect(previewAdjustment(level, { delta: "x", reason: "restock" })).toBeNull()
  })

  it("flags a sign that does not fit the reason", () => {
    const level = { stocked_quantity: 10, reserved_quantity: 0 }
    expect(previewAdjustment(level, { delta: "5", reason: "damage" })?.warning).toBe(
      "A damage usually removes stock: check the sign."
    )
    expect(previewAdjustment(level, { delta: "-5", reason: "restock" })?.warning).toBe(
      "A restock usually adds stock: check the sign."
    )
    expect(previewAdjustment(level, { delta: "-5", reason: "transfer" })?.warning).toBeNull()
  })

  it("labels ledger entries by reason, else by what moved the level", () => {
    expect(ledgerEntryLabel({ reason: "damage", source: "adjustment" })).toBe("Damage")
    expect(ledgerEntryLabel({ reason: null, source: "fulfillment" })).toBe("Fulfillment")
    expect(ledgerEntryLabel({ reason: null, source: "fulfillment_canceled" })).toBe("Fulfillment canceled")
    expect(ledgerEntryLabel({ reason: null, source: "something_new" })).toBe("something new")
    // Entries written before `source` existed are staff adjustments.
    expect(ledgerEntryLabel({ reason: null })).toBe("Adjustment")
  })
})
