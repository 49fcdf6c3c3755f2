/** Field names whose values never enter the log: credentials, one-time codes, card and bank data. */
const SECRET_PART = /passw(or)?d|token|secret|card|authori[sz]ation|api_?key|cookie|session|iban|account_number/i
const SECRET_EXACT = new Set(["code", "otp", "pin", "cvc", "cvv", "password", "hash"])

export const isSecretKey = (key: string) => SECRET_EXACT.has(key.toLowerCase()) || SECRET_PART.test(key)

export const REDACTED = "[redacted]"

/**
 * Personal values: the log is immutable, so a value written here could never be
 * erased for GDPR. The log keeps that the field changed, not what it says.
 */
const PERSONAL_EXACT = new Set([
  "email",
  "phone",
  "first_name",
  "last_name",
  "company_name",
  "address_1",
  "address_2",
  "postal_code",
  "city",
  "province",
])

export const PERSONAL = "[personal]"

/**
 * A copy of `value` for the log: fields whose name looks secret become "[redacted]",
 * personal fields "[personal]".
 */
export function redactForLog(value: unknown, depth = 0): unknown {
  if (depth > 8) {
    return REDACTED
  }
  if (Array.isArray(value)) {
    return value.map((item) => redactForLog(item, depth + 1))
  }
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, item]) => [
        key,
        isSecretKey(key)
          ? REDACTED
          : PERSONAL_EXACT.has(key.toLowerCase()) && item !== null && item !== undefined
            ? PERSONAL
            : redactForLog(item, depth + 1),
      ])
    )
  }
  return value
}

/**
 * An email address as the log may keep it: the first character of the local
 * part and the domain (`a***@store.test`), enough to see which account was
 * targeted without storing the address itself.
 */
export function maskEmail(value: unknown): string | null {
  if (typeof value !== "string" || !value.trim()) {
    return null
  }
  const email = value.trim().toLowerCase()
  const at = email.lastIndexOf("@")
  if (at < 1) {
    return REDACTED
  }
  return `${email[0]}***${email.slice(at)}`.slice(0, 200)
}
