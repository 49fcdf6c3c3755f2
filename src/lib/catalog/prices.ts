import { MathBN, MedusaError } from "@medusajs/framework/utils"

export const STORE_CURRENCIES = ["ngn", "usd"] as const
export type StoreCurrency = (typeof STORE_CURRENCIES)[number]

export type CurrentPrice = { id: string; currency_code: string; amount: number | string }
export type DerivedFlag = { id: string; currency_code: string; amount: number | string }
export type Rates = Partial<Record<StoreCurrency, string>>

export type PricePlan = {
  /** Variant prices to write, keeping existing price ids. */
  prices: { id?: string; currency_code: StoreCurrency; amount: string }[]
  /** Derived prices to flag, with what they were derived from. */
  derived: {
    currency_code: StoreCurrency
    source_currency: StoreCurrency
    source_amount: string
    rate: string
    amount: string
  }[]
  /** Currencies whose derived flag no longer applies (explicit or hand-set now). */
  unflag: StoreCurrency[]
  changed: boolean
}

const other = (currency: StoreCurrency): StoreCurrency => (currency === "ngn" ? "usd" : "ngn")

/**
 * What a variant's NGN and USD prices should be. An explicit price wins; a
 * missing one is derived from the other currency at `rates[target]` (units of
 * target per unit of source), unless staff changed a derived price by hand
 * (it no longer equals its flag) or set one with no flag at all: those stay.
 */
export function planVariantPrices(
  explicit: Partial<Record<StoreCurrency, string>>,
  current: CurrentPrice[],
  flags: DerivedFlag[],
  rates: Rates,
  convert: (amount: string, rate: string, currency: StoreCurrency) => string
): PricePlan {
  const plan: PricePlan = { prices: [], derived: [], unflag: [], changed: false }
  for (const currency of STORE_CURRENCIES) {
    const existing = current.find((p) => p.currency_code === currency)
    const flag = flags.find((f) => f.currency_code === currency)
    const given = explicit[currency]
    const handSet = existing && (!flag || !MathBN.eq(existing.amount, flag.amount))
    let amount: string
    if (given !== undefined) {
      amount = given
      if (flag) {
        plan.unflag.push(currency)
      }
    } else if (handSet) {
      amount = MathBN.convert(existing.amount).toString()
      if (flag) {
        plan.unflag.push(currency)
      }
    } else {
      const source = other(currency)
      const sourceAmount = explicit[source]
      const rate = rates[currency]
      if (sourceAmount === undefined || rate === undefined) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `no ${source.toUpperCase()} price or FX rate to derive ${currency.toUpperCase()} from`
        )
      }
      amount = convert(sourceAmount, rate, currency)
      plan.derived.push({ currency_code: currency, source_currency: source, source_amount: sourceAmount, rate, amount })
    }
    if (!existing || !MathBN.eq(existing.amount, amount)) {
      plan.changed = true
    }
    plan.prices.push({ id: existing?.id, currency_code: currency, amount })
  }
  return plan
}
