const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" })
const dateTimeSeconds = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" })
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" })
const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: "medium" })
const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 })

/** `locale` is for tests; the dashboard leaves it out and gets the browser's. */
type FormatOptions = { locale?: string }

const asDate = (value: string | Date | null | undefined): Date | null => {
  const date = value instanceof Date ? value : value ? new Date(value) : null
  return date && !Number.isNaN(date.getTime()) ? date : null
}

/** "12 Mar 2026, 14:05" (with `seconds`, "14:05:09"); "-" when there is no value or it is not a date. */
export const formatDateTime = (
  value: string | Date | null | undefined,
  { seconds = false, locale }: FormatOptions & { seconds?: boolean } = {}
): string => {
  const date = asDate(value)
  if (!date) {
    return "-"
  }
  const formatter =
    locale === undefined
      ? seconds
        ? dateTimeSeconds
        : dateTime
      : new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: seconds ? "medium" : "short" })
  return formatter.format(date)
}

/** "12 Mar 2026"; "-" when there is no date. */
export const formatDate = (value: string | Date | null | undefined, { locale }: FormatOptions = {}): string => {
  const date = asDate(value)
  if (!date) {
    return "-"
  }
  return (locale === undefined ? dateOnly : new Intl.DateTimeFormat(locale, { dateStyle: "medium" })).format(date)
}

/** "14:05:09", with seconds; "-" when there is no date. */
export const formatTime = (value: string | Date | null | undefined): string => {
  const date = asDate(value)
  return date ? timeOnly.format(date) : "-"
}

/** A whole number with grouping: 1,250. */
export const formatQuantity = (value: number | null | undefined): string =>
  value === null || value === undefined || Number.isNaN(value) ? "-" : integer.format(value)

/** A change with its sign always shown: +5, -3, 0. */
export const formatSigned = (value: number): string => (value > 0 ? `+${formatQuantity(value)}` : formatQuantity(value))

/**
 * Money as Medusa returns it, in the currency's major unit (12500 NGN is
 * ₦12,500.00), with the narrow symbol so naira shows as ₦ rather than NGN.
 * Without a currency, the amount with two decimals.
 */
export function formatMoney(
  amount: number | null | undefined,
  currencyCode: string | null | undefined,
  { locale }: FormatOptions = {}
): string {
  if (amount === null || amount === undefined || Number.isNaN(Number(amount))) {
    return "-"
  }
  if (!currencyCode) {
    return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Number(amount))
  }
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency: currencyCode.toUpperCase(),
    currencyDisplay: "narrowSymbol",
  }).format(Number(amount))
}

/** The start of a `YYYY-MM-DD` day in the browser's time zone, or null when it is not such a day. */
export const startOfLocalDay = (day: string): Date | null => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!match) {
    return null
  }
  const [year, month, date] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])]
  const start = new Date(year, month, date)
  // Rejects days that do not exist (2026-02-30 rolls over into March).
  return start.getFullYear() === year && start.getMonth() === month && start.getDate() === date ? start : null
}

/**
 * The `YYYY-MM-DD` of a date in the browser's time zone: for dates a person
 * picks. Not the store's day (STORE_TIMEZONE), which can differ: the
 * Analytics page takes that from the server (useStoreYesterday).
 */
export const toLocalDay = (date: Date): string =>
  [date.getFullYear(), String(date.getMonth() + 1).padStart(2, "0"), String(date.getDate()).padStart(2, "0")].join("-")
