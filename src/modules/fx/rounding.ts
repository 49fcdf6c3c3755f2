import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { minorUnitDigits } from "../../lib/money"

/**
 * How a converted price is made presentable: rounded to a multiple of `step`
 * (major units), then, when `ending` is given, set to end in it (29.37 -> 29.99).
 */
export type RoundingRule = { step: string; ending?: string }

export const DEFAULT_ROUNDING: Record<string, RoundingRule> = {
  ngn: { step: "50" },
  usd: { step: "1", ending: "0.99" },
}

export function convertAmount(
  sourceAmount: string | number,
  rate: string | number,
  targetCurrency: string,
  rules: Record<string, RoundingRule> = DEFAULT_ROUNDING
): string {
  const rule = rules[targetCurrency.toLowerCase()]
  if (!rule) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `No FX rounding rule for ${targetCurrency.toUpperCase()}`
    )
  }
  const digits = minorUnitDigits(targetCurrency)
  // To the currency's minor unit first, so an inverse rate's last digit (1/1550)
  // cannot push an exact 10.00 up to the next step.
  const raw = MathBN.mult(sourceAmount, rate).decimalPlaces(digits, 4)
  if (rule.ending) {
    // Up to the next whole step, then down by (step - ending): 29.37 -> 30 -> 29.99.
    const ceiling = MathBN.mult(raw.div(rule.step).integerValue(2), rule.step)
    const adjusted = MathBN.sub(ceiling, MathBN.sub(rule.step, rule.ending))
    return MathBN.max(adjusted, rule.ending).toFixed(digits)
  }
  const rounded = MathBN.mult(raw.div(rule.step).integerValue(4), rule.step)
  return MathBN.max(rounded, rule.step).toFixed(digits)
}
