import { z } from "@medusajs/framework/zod"
import { STORE_CURRENCIES } from "../../../lib/catalog/prices"
import { isCalendarDate } from "../../../lib/store-day"

const calendarDate = (field: string) =>
  z
    .string()
    .trim()
    .refine(isCalendarDate, { message: `${field} must be a calendar date written YYYY-MM-DD` })

const currency = z.string().trim().toLowerCase().pipe(z.enum(STORE_CURRENCIES))

/** A range of store days, both ends included; the route fills in what is missing (the last 30 days). */
export const GetAdminAnalyticsSnapshotsParams = z
  .object({
    from: calendarDate("from").optional(),
    to: calendarDate("to").optional(),
    currency: currency.optional(),
  })
  .strict()
export type GetAdminAnalyticsSnapshotsParamsType = z.infer<typeof GetAdminAnalyticsSnapshotsParams>

/** Recompute one finished store day. */
export const PostAdminAnalyticsSnapshot = z
  .object({
    date: calendarDate("date"),
  })
  .strict()
export type PostAdminAnalyticsSnapshotType = z.infer<typeof PostAdminAnalyticsSnapshot>

/** A period and a currency (NGN and USD are never added together). */
export const GetAdminAnalyticsSummaryParams = z
  .object({
    from: calendarDate("from").optional(),
    to: calendarDate("to").optional(),
    currency,
  })
  .strict()
export type GetAdminAnalyticsSummaryParamsType = z.infer<typeof GetAdminAnalyticsSummaryParams>
