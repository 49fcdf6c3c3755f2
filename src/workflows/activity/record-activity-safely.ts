import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { ACTIVITY_MODULE } from "../../modules/activity"
import ActivityModuleService, { ActivityEntry } from "../../modules/activity/service"
import { recordActivityWorkflow } from "./record-activity"

/**
 * Runs record-activity for a subscriber or a finished request. The business
 * action has already happened, so a log write that fails even after its
 * retries and the outbox is logged as an error and never thrown.
 */
export async function recordActivitySafely(container: MedusaContainer, entries: ActivityEntry[]): Promise<void> {
  try {
    await recordActivityWorkflow(container).run({ input: { entries } })
  } catch (error) {
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const what = entries.map((entry) => `${entry.action} ${entry.resource_id ?? ""}`.trim()).join(", ")
    logger.error(`Activity event lost after retries (${what}): ${(error as Error).message}`)
  }
}

/**
 * Records an event that happens at most once to a resource (a broadcast being
 * sent, cancelled...) unless the log already has it: a redelivered event, or a
 * later update that repeats the state, adds nothing.
 */
export async function recordActivityOnceSafely(container: MedusaContainer, entry: ActivityEntry): Promise<void> {
  const activity = container.resolve<ActivityModuleService>(ACTIVITY_MODULE)
  const key = `activity-once:${entry.action}:${entry.resource_id ?? ""}`
  try {
    await container.resolve(Modules.LOCKING).execute(key, async () => {
      const filters = {
        action: entry.action,
        resource_type: entry.resource_type ?? undefined,
        resource_id: entry.resource_id ?? undefined,
      }
      const [seen] = await activity.listEvents(filters, { limit: 1 })
      if (!seen) {
        await recordActivitySafely(container, [entry])
      }
    })
  } catch (error) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .error(`Activity event ${entry.action} ${entry.resource_id ?? ""} not recorded: ${(error as Error).message}`)
  }
}
