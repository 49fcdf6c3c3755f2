import {
  planVariantPrices,
  type CurrentPrice,
  type DerivedFlag,
  type Rates,
  type StoreCurrency,
} from "../prices"

/** Units of target currency per unit of the other one. */
const RATES: Rates = { ngn: "1500", usd: "0.00066" }

type ConvertCall = { amount: string; rate: string; currency: StoreCurrency }

/** A convert callback that records its calls and multiplies in integer cents. */
function recordingConvert() {
  const calls: ConvertCall[] = []
  const convert = (amount: string, rate: string, currency: StoreCurrency) => {
    calls.push({ amount, rate, currency })
    const cents = Math.round(Number(amount) * Number(rate) * 100)
    return (cents / 100).toFixed(2)
  }
  return { convert, calls }
}

const price = (
  id: string,
  currency_code: StoreCurrency,
  amount: number | string
): CurrentPrice => ({ id, currency_code, amount })

const flag = (
  currency_code: StoreCurrency,
  amount: number | string
): DerivedFlag => ({ id: `flag_${currency_code}`, currency_code, amount })

describe("planVariantPrices", () => {
  it("writes explicit prices for a new variant without deriving anything", () => {
    const { convert, calls } = recordingConvert()

    const plan = planVariantPrices({ ngn: "45000", usd: "30" }, [], [], RATES, convert)

    expect(plan).toEqual({
      prices: [
        { id: undefined, currency_code: "ngn", amount: "45000" },
        { id: undefined, currency_code: "usd", amount: "30" },
      ],
      derived: [],
      unflag: [],
      changed: true,
    })
    expect(calls).toEqual([])
  })

  it("lets an explicit price win over a derived one and unflags it", () => {
    const { convert, calls } = recordingConvert()

    const plan = planVariantPrices(
      { ngn: "45000", usd: "35" },
      [price("price_ngn", "ngn", 45000), price("price_usd", "usd", 29.7)],
      [flag("usd", 29.7)],
      RATES,
      convert
    )

    expect(plan.prices).toEqual([
      { id: "price_ngn", currency_code: "ngn", amount: "45000" },
      { id: "price_usd", currency_code: "usd", amount: "35" },
    ])
    expect(plan.unflag).toEqual(["usd"])
    expect(plan.derived).toEqual([])
    expect(plan.changed).toBe(true)
    expect(calls).toEqual([])
  })

  it("derives a missing USD price from NGN at the USD rate", () => {
    const { convert, calls } = recordingConvert()

    const plan = planVariantPrices({ ngn: "45000" }, [], [], RATES, convert)

    expect(calls).toEqual([{ amount: "45000", rate: RATES.usd, currency: "usd" }])
    const expected = convert("45000", "0.00066", "usd")
    expect(plan.prices).toEqual([
      { id: undefined, currency_code: "ngn", amount: "45000" },
      { id: undefined, currency_code: "usd", amount: expected },
    ])
    expect(plan.derived).toEqual([
      {
        currency_code: "usd",
        source_currency: "ngn",
        source_amount: "45000",
        rate: "0.00066",
        amount: expected,
      },
    ])
    expect(plan.unflag).toEqual([])
    expect(plan.changed).toBe(true)
  })

  it("derives a missing NGN price from USD at the NGN rate", () => {
    const { convert, calls } = recordingConvert()

    const plan = planVariantPrices({ usd: "12.35" }, [], [], RATES, convert)

    expect(calls).toEqual([{ amount: "12.35", rate: RATES.ngn, currency: "ngn" }])
    expect(plan.derived).toEqual([
      {
        currency_code: "ngn",
        source_currency: "usd",
        source_amount: "12.35",
        rate: "1500",
        amount: "18525.00",
      },
    ])
    expect(plan.prices[0]).toEqual({
      id: undefined,
      currency_code: "ngn",
      amount: "18525.00",
    })
  })

  it("re-derives a flagged price nobody changed, keeping its id", () => {
    const { convert } = recordingConvert()

    const plan = planVariantPrices(
      { ngn: "45000" },
      [price("price_ngn", "ngn", "45000"), price("price_usd", "usd", "27.00")],
      [flag("usd", "27")],
      RATES,
      convert
    )

    expect(plan.prices[1]).toEqual({
      id: "price_usd",
      currency_code: "usd",
      amount: "29.70",
    })
    expect(plan.derived.map((d) => d.currency_code)).toEqual(["usd"])
    expect(plan.unflag).toEqual([])
    expect(plan.changed).toBe(true)
  })

  it("keeps a derived price staff changed by hand and unflags it", () => {
    const { convert, calls } = recordingConvert()

    const plan = planVariantPrices(
      { ngn: "45000" },
      [price("price_ngn", "ngn", 45000), price("price_usd", "usd", 31.5)],
      [flag("usd", "29.70")],
      RATES,
      convert
    )

    expect(calls).toEqual([])
    expect(plan.prices[1]).toEqual({
      id: "price_usd",
      currency_code: "usd",
      amount: "31.5",
    })
    expect(plan.derived).toEqual([])
    expect(plan.unflag).toEqual(["usd"])
    expect(plan.changed).toBe(false)
  })

  it("keeps an existing price that was never flagged as derived", () => {
    const { convert, calls } = recordingConvert()

    const plan = planVariantPrices(
      { usd: "12.35" },
      [price("price_ngn", "ngn", 20000), price("price_usd", "usd", "12.35")],
      [],
      RATES,
      convert
    )

    expect(calls).toEqual([])
    expect(plan.prices).toEqual([
      { id: "price_ngn", currency_code: "ngn", amount: "20000" },
      { id: "price_usd", currency_code: "usd", amount: "12.35" },
    ])
    expect(plan.derived).toEqual([])
    expect(plan.unflag).toEqual([])
    expect(plan.changed).toBe(false)
  })

  it("compares amounts numerically when deciding whether anything changed", () => {
    const { convert } = recordingConvert()

    const plan = planVariantPrices(
      { ngn: "45000.00" },
      [price("price_ngn", "ngn", 45000), price("price_usd", "usd", 29.7)],
      [flag("usd", "29.7")],
      RATES,
      convert
    )

    // The USD price is re-derived to the amount it already has.
    expect(plan.derived.map((d) => d.amount)).toEqual(["29.70"])
    expect(plan.changed).toBe(false)
  })

  it("reports a change when only one currency's amount moves", () => {
    const { convert } = recordingConvert()

    const plan = planVariantPrices(
      { ngn: "45000", usd: "29.71" },
      [price("price_ngn", "ngn", 45000), price("price_usd", "usd", 29.7)],
      [],
      RATES,
      convert
    )

    expect(plan.changed).toBe(true)
  })

  it("reports a change when a currency has no price yet", () => {
    const { convert } = recordingConvert()

    const plan = planVariantPrices(
      { ngn: "45000", usd: "29.70" },
      [price("price_ngn", "ngn", 45000)],
      [],
      RATES,
      convert
    )

    expect(plan.changed).toBe(true)
    expect(plan.prices[1]).toEqual({
      id: undefined,
      currency_code: "usd",
      amount: "29.70",
    })
  })

  it("throws when the missing currency has no FX rate", () => {
    const { convert } = recordingConvert()

    expect(() =>
      planVariantPrices({ ngn: "45000" }, [], [], { ngn: "1500", usd: undefined }, convert)
    ).toThrow("no NGN price or FX rate to derive USD from")
  })

  it("throws when there is no price to derive from", () => {
    const { convert, calls } = recordingConvert()

    expect(() => planVariantPrices({}, [], [], RATES, convert)).toThrow(
      /to derive NGN from/
    )
    expect(calls).toEqual([])
  })

  it("throws when the only source is a flagged derived price", () => {
    const { convert } = recordingConvert()

    expect(() =>
      planVariantPrices(
        {},
        [price("price_usd", "usd", 29.7)],
        [flag("usd", 29.7)],
        RATES,
        convert
      )
    ).toThrow(/no USD price or FX rate to derive NGN from/)
  })
})
