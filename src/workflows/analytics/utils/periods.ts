import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { addDays, isCalendarDate } from "../../../lib/store-day"

/** The most days one computation (and one snapshots or summary request) covers. */
export const MAX_RANGE_DAYS = 366

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/** Days from `from` to `to`, both included; 0 when `to` is before `from`. */
export function daysInRange(from: string, to: string): number {
  const start = Date.parse(`${from}T00:00:00Z`)
  const end = Date.parse(`${to}T00:00:00Z`)
  return Math.max(0, Math.round((end - start) / 86_400_000) + 1)
}

/** Every calendar date from `from` to `to`, both included. */
export function eachDay(from: string, to: string): string[] {
  return Array.from({ length: daysInRange(from, to) }, (_, i) => addDays(from, i))
}

/**
 * Checks a `from`..`to` range of calendar dates: real dates, in order, at
 * most `maxDays` long. Throws INVALID_DATA (400) naming the field.
 */
export function assertDateRange(from: string, to: string, maxDays = MAX_RANGE_DAYS): void {
  for (const [field, value] of [
    ["from", from],
    ["to", to],
  ] as const) {
    if (!isCalendarDate(value)) {
      throw invalid(`${field} must be a calendar date written YYYY-MM-DD, got "${value}"`)
    }
  }
  if (to < from) {
    throw invalid(`to (${to}) must not be before from (${from})`)
  }
  if (daysInRange(from, to) > maxDays) {
    throw invalid(`from..to covers ${daysInRange(from, to)} days; at most ${maxDays} at a time`)
  }
}

/** The period of the same length that ends the day before `from`. */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const days = daysInRange(from, to)
  return { from: addDays(from, -days), to: addDays(from, -1) }
}

/**
 * Change from `previous` to `current` in percent, one decimal, as a string
 * ("12.5", "-100.0"); null when there is nothing to compare against
 * (previous is 0 or missing). Decimal arithmetic, no floats.
 */
export function percentChange(current: string | number | null, previous: string | number | null): string | null {
  if (current === null || previous === null || MathBN.eq(previous, 0)) {
    return null
  }
  const change = MathBN.mult(MathBN.div(MathBN.sub(current, previous), previous), 100)
  return change.decimalPlaces(1, 4).toFixed(1)
}
