import { parsePhoneNumberFromString } from "libphonenumber-js/max"

/** Numbers written without a country code are read as Nigerian (`0803…` -> `+234803…`). */
const DEFAULT_COUNTRY = "NG"

/** The phone number in E.164 (`+2348031234567`), or null when it is not a valid number. */
export function toE164(input: string): string | null {
  const parsed = parsePhoneNumberFromString(input.trim(), DEFAULT_COUNTRY)
  return parsed?.isValid() ? parsed.number : null
}

/**
 * The ways one number may have been typed into a customer record: E.164, its
 * digits alone, and the national form (`08031234567`).
 */
export function phoneSpellings(e164: string): string[] {
  const parsed = parsePhoneNumberFromString(e164)
  if (!parsed) {
    return [e164]
  }
  return [...new Set([parsed.number, parsed.number.slice(1), parsed.formatNational().replace(/[^\d+]/g, "")])]
}
