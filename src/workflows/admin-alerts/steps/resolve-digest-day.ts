import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { env } from "../../../config"
import { addDays, isCalendarDate, localDate, localDayRange } from "../../../lib/store-day"

export type ResolveDigestDayInput = { date?: string }

/** A store-local day and the UTC interval `[from, to)` it covers, as ISO strings. */
export type DigestDay = { date: string; from: string; to: string }

export const resolveDigestDayStepId = "resolve-digest-day"

/**
 * The day the digest reports on: the given date, else yesterday in
 * STORE_TIMEZONE. The day must be over, so that a digest is never sent (and,
 * being idempotent, never stuck) with half a day's numbers.
 */
export const resolveDigestDayStep = createStep(resolveDigestDayStepId, async ({ date }: ResolveDigestDayInput) => {
  const timeZone = env.STORE_TIMEZONE
  const today = localDate(new Date(), timeZone)
  const day = date ?? addDays(today, -1)
  if (!isCalendarDate(day)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `date must be a calendar date written YYYY-MM-DD, got "${day}"`
    )
  }
  if (day >= today) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `date ${day} is not over yet in ${timeZone} (today is ${today}); a digest covers a finished day`
    )
  }
  const { from, to } = localDayRange(day, timeZone)
  return new StepResponse<DigestDay>({ date: day, from: from.toISOString(), to: to.toISOString() })
})
