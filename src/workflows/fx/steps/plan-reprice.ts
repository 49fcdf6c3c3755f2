import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { planVariantPrices, PricePlan, STORE_CURRENCIES, StoreCurrency } from "../../../lib/catalog/prices"
import { FX_MODULE } from "../../../modules/fx"
import { convertAmount } from "../../../modules/fx/rounding"
import FxModuleService from "../../../modules/fx/service"

export type RepricePlan = {
  /** Variants whose prices change, with every base price to keep. */
  product_variants: { id: string; prices: { id?: string; currency_code: string; amount: string }[] }[]
  flags: { variant_id: string; plan: PricePlan }[]
  unchanged: number
  /** Derived prices staff had changed by hand: left as they are and unflagged. */
  hand_set: number
}

type VariantPrices = {
  id: string
  prices: { id: string; currency_code: string; amount: number; rules_count?: number; price_list_id?: string | null }[]
}

export const planRepriceStepId = "plan-reprice"

/** Works out, for every flagged (derived) price, what the rate in force makes it. */
export const planRepriceStep = createStep(planRepriceStepId, async (_: void, { container }) => {
  const fx = container.resolve<FxModuleService>(FX_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const flags = await fx.listDerivedPrices({}, { take: null })
  const variantIds = [...new Set(flags.map((f) => f.variant_id))]
  const result: RepricePlan = { product_variants: [], flags: [], unchanged: 0, hand_set: 0 }
  if (!variantIds.length) {
    return new StepResponse(result)
  }
  const rates = await fx.getStoreRates()
  const rules = await fx.getRoundingRules()
  const { data } = await query.graph({
    entity: "product_variant",
    fields: ["id", "prices.id", "prices.currency_code", "prices.amount", "prices.rules_count"],
    filters: { id: variantIds },
  })
  for (const variant of data as unknown as VariantPrices[]) {
    const base = variant.prices.filter((p) => !p.rules_count)
    const variantFlags = flags.filter((f) => f.variant_id === variant.id)
    const explicit: Partial<Record<StoreCurrency, string>> = {}
    for (const currency of STORE_CURRENCIES) {
      const price = base.find((p) => p.currency_code === currency)
      if (price && !variantFlags.some((f) => f.currency_code === currency)) {
        explicit[currency] = String(price.amount)
      }
    }
    const plan = planVariantPrices(explicit, base, variantFlags, rates, (amount, rate, currency) =>
      convertAmount(amount, rate, currency, rules)
    )
    result.hand_set += plan.unflag.length
    result.flags.push({ variant_id: variant.id, plan })
    if (!plan.changed) {
      result.unchanged += plan.unflag.length ? 0 : 1
      continue
    }
    const others = variant.prices
      .filter((p) => p.rules_count)
      .map((p) => ({ id: p.id, currency_code: p.currency_code, amount: String(p.amount) }))
    result.product_variants.push({ id: variant.id, prices: [...plan.prices, ...others] })
  }
  return new StepResponse(result)
})
