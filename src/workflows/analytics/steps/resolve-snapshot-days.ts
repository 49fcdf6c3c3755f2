import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { env } from "../../../config"
import { addDays, localDate } from "../../../lib/store-day"
import { assertDateRange, eachDay, MAX_RANGE_DAYS } from "../utils/periods"

export type ResolveSnapshotDaysInput = { from?: string; to?: string }

/** The finished store days to compute and the zone they are read in. */
export type SnapshotDays = {
  from: string
  to: string
  dates: string[]
  time_zone: string
  /** Yesterday in the store's zone: the one day whose low-stock count can still be read. */
  yesterday: string
}

export const resolveSnapshotDaysStepId = "resolve-snapshot-days"

/**
 * The days a computation covers: `from`..`to` (either defaults to the
 * other, both to yesterday in STORE_TIMEZONE). Only finished days: a
 * snapshot of a day still under way would be stored as if complete.
 */
export const resolveSnapshotDaysStep = createStep(
  resolveSnapshotDaysStepId,
  async (input: ResolveSnapshotDaysInput) => {
    const timeZone = env.STORE_TIMEZONE
    const today = localDate(new Date(), timeZone)
    const yesterday = addDays(today, -1)
    const from = input.from ?? input.to ?? yesterday
    const to = input.to ?? input.from ?? yesterday
    assertDateRange(from, to, MAX_RANGE_DAYS)
    if (to >= today) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `${to} is not over yet in ${timeZone} (today is ${today}); snapshots cover finished days`
      )
    }
    return new StepResponse<SnapshotDays>({ from, to, dates: eachDay(from, to), time_zone: timeZone, yesterday })
  }
)
