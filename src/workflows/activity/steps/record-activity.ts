import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACTIVITY_MODULE } from "../../../modules/activity"
import { appendWithRetry } from "../../../modules/activity/append-with-retry"
import ActivityModuleService, { ActivityEntry } from "../../../modules/activity/service"

export type RecordActivityStepInput = { entries: ActivityEntry[] }

export const recordActivityStepId = "record-activity"

/**
 * Appends entries to the activity log, retrying a failed write; when it keeps
 * failing the entries wait in the outbox for the drain job (`queued`). No
 * compensation: the log is append-only, and an event that happened stays recorded.
 */
export const recordActivityStep = createStep(
  recordActivityStepId,
  async ({ entries }: RecordActivityStepInput, { container }) => {
    const activity = container.resolve<ActivityModuleService>(ACTIVITY_MODULE)
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const { events, queued } = await appendWithRetry(activity, logger, entries)
    return new StepResponse({ events: events.map((event) => ({ id: event.id, seq: event.seq })), queued })
  }
)
