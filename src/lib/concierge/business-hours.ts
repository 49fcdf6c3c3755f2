import { MedusaError } from "@medusajs/framework/utils"
import { addDays, localDate, startOfLocalDay } from "../store-day"

/** Opening hours on some weekdays (0 = Sunday), in minutes after local midnight. */
export type BusinessWindow = { days: number[]; from: number; to: number }

const DAY_NAMES = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
const MINUTE_MS = 60_000
/** Looking further than this for an open window means the schedule is empty. */
const MAX_DAYS_AHEAD = 14

const invalid = (spec: string, why: string) =>
  new MedusaError(MedusaError.Types.INVALID_DATA, `Business hours "${spec}": ${why}`)

const minutesOf = (time: string, spec: string) => {
  const match = /^(\d{1,2}):(\d{2})$/.exec(time)
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : NaN
  if (!match || Number(match[2]) > 59 || minutes > 24 * 60) {
    throw invalid(spec, `"${time}" is not a time like 09:00`)
  }
  return minutes
}

const dayIndex = (name: string, spec: string) => {
  const index = DAY_NAMES.indexOf(name.toLowerCase())
  if (index === -1) {
    throw invalid(spec, `"${name}" is not a day (mon, tue, ... sun)`)
  }
  return index
}

/**
 * Reads a schedule such as `mon-fri 08:00-18:00, sat 10:00-14:00`. An empty
 * schedule or `always` means staff answer around the clock (no windows).
 */
export function parseBusinessHours(spec: string): BusinessWindow[] {
  const trimmed = spec.trim()
  if (!trimmed || trimmed.toLowerCase() === "always") {
    return []
  }
  return trimmed.split(",").map((part) => {
    const match = /^([a-z]{3})(?:-([a-z]{3}))?\s+(\S+)-(\S+)$/i.exec(part.trim())
    if (!match) {
      throw invalid(spec, `"${part.trim()}" should look like "mon-fri 08:00-18:00"`)
    }
    const first = dayIndex(match[1], spec)
    const last = match[2] ? dayIndex(match[2], spec) : first
    const days: number[] = []
    for (let day = first; ; day = (day + 1) % 7) {
      days.push(day)
      if (day === last) {
        break
      }
    }
    const from = minutesOf(match[3], spec)
    const to = minutesOf(match[4], spec)
    if (to <= from) {
      throw invalid(spec, `${match[3]}-${match[4]} ends before it starts`)
    }
    return { days, from, to }
  })
}

/**
 * The instant `minutes` of business time after `start` in `timeZone`: time
 * outside the windows does not count, so an escalation at 22:00 with a
 * 15-minute target is due 15 minutes after the next opening.
 */
export function addBusinessMinutes(start: Date, minutes: number, windows: BusinessWindow[], timeZone: string): Date {
  if (!windows.length) {
    return new Date(start.getTime() + minutes * MINUTE_MS)
  }
  let remaining = minutes * MINUTE_MS
  let date = localDate(start, timeZone)
  for (let day = 0; day <= MAX_DAYS_AHEAD; day++, date = addDays(date, 1)) {
    const midnight = startOfLocalDay(date, timeZone).getTime()
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay()
    const open = windows
      .filter((window) => window.days.includes(weekday))
      .sort((a, b) => a.from - b.from)
    for (const window of open) {
      const begin = Math.max(start.getTime(), midnight + window.from * MINUTE_MS)
      const end = midnight + window.to * MINUTE_MS
      if (end <= begin) {
        continue
      }
      if (remaining <= end - begin) {
        return new Date(begin + remaining)
      }
      remaining -= end - begin
    }
  }
  throw new MedusaError(MedusaError.Types.INVALID_DATA, "Business hours have no open time in the next two weeks")
}
