import { BigNumberInput } from "@medusajs/framework/types"
import { MathBN, MedusaError } from "@medusajs/framework/utils"

/** Minor units per major unit for the currencies this store sells in. */
const MINOR_UNIT_DIGITS: Record<string, number> = { ngn: 2, usd: 2 }

export function minorUnitDigits(currencyCode: string): number {
  const digits = MINOR_UNIT_DIGITS[currencyCode.toLowerCase()]
  if (digits === undefined) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Currency ${currencyCode} is not supported; supported: NGN, USD`
    )
  }
  return digits
}

/** Major units (Medusa's amounts) to an integer count of kobo or cents. */
export function toMinorUnits(amount: BigNumberInput, currencyCode: string): number {
  const factor = 10 ** minorUnitDigits(currencyCode)
  const minor = MathBN.mult(amount, factor).decimalPlaces(0, 4)
  if (!minor.isFinite() || !minor.isInteger()) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid amount ${amount}`)
  }
  return minor.toNumber()
}

/** Integer kobo or cents back to a major-unit decimal string, without floats. */
export function fromMinorUnits(minor: number | string, currencyCode: string): string {
  const digits = minorUnitDigits(currencyCode)
  return MathBN.div(minor, 10 ** digits).toFixed(digits)
}

const CURRENCY_SYMBOLS: Record<string, string> = { ngn: "₦", usd: "$" }

/**
 * A major-unit amount for people to read: "₦12,500.00", "$24.99", "-$5.00".
 * Rounded to the currency's minor unit, then grouped as a string (no float arithmetic).
 */
export function formatMoney(amount: BigNumberInput, currencyCode: string): string {
  const digits = minorUnitDigits(currencyCode)
  const minorUnits = toMinorUnits(amount, currencyCode)
  if (!Number.isSafeInteger(minorUnits)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Amount ${amount} is too large to format`)
  }
  const minor = String(minorUnits)
  const negative = minor.startsWith("-")
  const magnitude = (negative ? minor.slice(1) : minor).padStart(digits + 1, "0")
  const whole = magnitude.slice(0, magnitude.length - digits).replace(/\B(?=(\d{3})+(?!\d))/g, ",")
  const fraction = digits ? `.${magnitude.slice(magnitude.length - digits)}` : ""
  return `${negative ? "-" : ""}${CURRENCY_SYMBOLS[currencyCode.toLowerCase()]}${whole}${fraction}`
}
