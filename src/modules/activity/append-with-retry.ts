import { Logger } from "@medusajs/framework/types"
import ActivityModuleService, { ActivityEntry, StoredActivityEvent } from "./service"

export type RetryOptions = { attempts?: number; delayMs?: number }

/**
 * Appends to the activity log, retrying with backoff. Every failed attempt is
 * logged as an error; the last failure is thrown for the caller to decide.
 */
export async function appendWithRetry(
  activity: ActivityModuleService,
  logger: Logger,
  entries: ActivityEntry[],
  { attempts = 4, delayMs = 200 }: RetryOptions = {}
): Promise<StoredActivityEvent[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await activity.append(entries)
    } catch (error) {
      const what = entries.map((entry) => entry.action).join(", ")
      logger.error(
        `Activity log write failed (attempt ${attempt}/${attempts}) for ${what}: ${(error as Error).message}`
      )
      if (attempt >= attempts) {
        throw error
      }
      await new Promise((resolve) => setTimeout(resolve, delayMs * 2 ** (attempt - 1)))
    }
  }
}
