import { Logger } from "@medusajs/framework/types"
import ActivityModuleService, { ActivityEntry, StoredActivityEvent } from "./service"

export type RetryOptions = { attempts?: number; delayMs?: number }

export type AppendOutcome = {
  events: StoredActivityEvent[]
  /** The outbox row holding the entries when every attempt failed; the drain job appends them later. */
  queued: string | null
}

/**
 * Appends to the activity log, retrying with backoff. Every failed attempt is
 * logged as an error. When the last attempt fails too, the entries go to the
 * outbox table (they survive a restart; the drain-activity-outbox job appends
 * them); only when that also fails is the error thrown.
 */
export async function appendWithRetry(
  activity: ActivityModuleService,
  logger: Logger,
  entries: ActivityEntry[],
  { attempts = 4, delayMs = 200 }: RetryOptions = {}
): Promise<AppendOutcome> {
  // Fixed now, so an entry appended later from the outbox keeps the time it happened.
  const now = new Date()
  const timed = entries.map((entry) => ({ ...entry, occurred_at: entry.occurred_at ?? now }))
  const what = entries.map((entry) => entry.action).join(", ")
  for (let attempt = 1; ; attempt++) {
    try {
      return { events: await activity.append(timed), queued: null }
    } catch (error) {
      logger.error(
        `Activity log write failed (attempt ${attempt}/${attempts}) for ${what}: ${(error as Error).message}`
      )
      if (attempt >= attempts) {
        const queued = await activity.enqueueOutbox(timed, (error as Error).message)
        logger.error(`Activity log write for ${what} queued in the outbox (${queued}) for a later retry`)
        return { events: [], queued }
      }
      await new Promise((resolve) => setTimeout(resolve, delayMs * 2 ** (attempt - 1)))
    }
  }
}
