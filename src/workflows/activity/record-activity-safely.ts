import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ActivityEntry } from "../../modules/activity/service"
import { recordActivityWorkflow } from "./record-activity"

/**
 * Runs record-activity for a subscriber or a finished request. The business
 * action has already happened, so a log write that still fails after its
 * retries is logged as an error and never thrown.
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
