import { env } from "../../../config"
import { addDays, localDate } from "../../../lib/store-day"
import { assertDateRange, MAX_RANGE_DAYS } from "../../../workflows/analytics/utils/periods"

/** Days shown when a request names no range. */
export const DEFAULT_RANGE_DAYS = 30

/**
 * The requested range of store days, checked (400 when out of order or
 * longer than MAX_RANGE_DAYS). Missing ends: `to` defaults to yesterday in
 * STORE_TIMEZONE, `from` to 30 days before `to`.
 */
export function requestedRange(query: { from?: string; to?: string }): { from: string; to: string } {
  const yesterday = addDays(localDate(new Date(), env.STORE_TIMEZONE), -1)
  const to = query.to ?? (query.from && query.from > yesterday ? query.from : yesterday)
  const from = query.from ?? addDays(to, -(DEFAULT_RANGE_DAYS - 1))
  assertDateRange(from, to, MAX_RANGE_DAYS)
  return { from, to }
}
