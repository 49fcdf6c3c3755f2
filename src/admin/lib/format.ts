const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" })
const dateTimeSeconds = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" })
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" })
const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: "medium" })
const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 })

const asDate = (value: string | Date | null | undefined): Date | null => {
  const date = value instanceof Date ? value : value ? new Date(value) : null
  return date && !Number.isNaN(date.getTime()) ? date : null
}

/** "12 Mar 2026, 14:05"; "-" when there is no value or it is not a date. */
export const formatDateTime = (value: string | Date | null | undefined, withSeconds = false): string => {
  const date = asDate(value)
  return date ? (withSeconds ? dateTimeSeconds : dateTime).format(date) : "-"
}

/** "12 Mar 2026"; "-" when there is no date. */
export const formatDate = (value: string | Date | null | undefined): string => {
  const date = asDate(value)
  return date ? dateOnly.format(date) : "-"
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

/** The `YYYY-MM-DD` of a date in the browser's time zone. */
export const toLocalDay = (date: Date): string =>
  [date.getFullYear(), String(date.getMonth() + 1).padStart(2, "0"), String(date.getDate()).padStart(2, "0")].join("-")
