import { MedusaError } from "@medusajs/framework/utils"

/**
 * Calendar days in the store's time zone (STORE_TIMEZONE) without a date
 * library: `Intl` gives the wall clock of an instant in a zone, and the UTC
 * instant of a local midnight is found from the zone's offset at that time.
 */

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/

const wallClock = (instant: Date, timeZone: string) => {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant)
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value)
  return {
    year: part("year"),
    month: part("month"),
    day: part("day"),
    hour: part("hour"),
    minute: part("minute"),
    second: part("second"),
  }
}

/** How far the zone's wall clock is ahead of UTC at `instant`, in milliseconds. */
const zoneOffsetMs = (instant: Date, timeZone: string) => {
  const c = wallClock(instant, timeZone)
  const wallAsUtc = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second)
  return wallAsUtc - Math.floor(instant.getTime() / 1000) * 1000
}

const pad = (value: number, length = 2) => String(value).padStart(length, "0")

/** Whether `value` is a real calendar date written `YYYY-MM-DD`. */
export function isCalendarDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value)
  if (!match) {
    return false
  }
  const [year, month, day] = match.slice(1).map(Number)
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

const parseDate = (date: string) => {
  if (!isCalendarDate(date)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `date must be a calendar date written YYYY-MM-DD, got "${date}"`
    )
  }
  const [year, month, day] = date.split("-").map(Number)
  return { year, month, day }
}

/** The store-local calendar date (`YYYY-MM-DD`) at `instant`. */
export function localDate(instant: Date, timeZone: string): string {
  const c = wallClock(instant, timeZone)
  return `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)}`
}

/** The store-local hour (0-23) at `instant`. */
export function localHour(instant: Date, timeZone: string): number {
  return wallClock(instant, timeZone).hour
}

/** The calendar date `days` after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  const { year, month, day } = parseDate(date)
  const shifted = new Date(Date.UTC(year, month - 1, day + days))
  return `${pad(shifted.getUTCFullYear(), 4)}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`
}

/** The UTC instant at which `date` begins (local midnight) in `timeZone`. */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const { year, month, day } = parseDate(date)
  const midnightAsUtc = Date.UTC(year, month - 1, day)
  // The offset at the guess may differ from the offset at the answer across a DST change: refine once.
  let instant = midnightAsUtc - zoneOffsetMs(new Date(midnightAsUtc), timeZone)
  instant = midnightAsUtc - zoneOffsetMs(new Date(instant), timeZone)
  return new Date(instant)
}

/** The store-local day `date` as the half-open UTC interval `[from, to)`. */
export function localDayRange(date: string, timeZone: string): { from: Date; to: Date } {
  return { from: startOfLocalDay(date, timeZone), to: startOfLocalDay(addDays(date, 1), timeZone) }
}
