import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACTIVITY_MODULE } from "../../../modules/activity"
import ActivityModuleService from "../../../modules/activity/service"

export const drainActivityOutboxStepId = "drain-activity-outbox"

/** Appends the entries waiting in the outbox; a row that fails again stays for the next run and is logged. */
export const drainActivityOutboxStep = createStep(drainActivityOutboxStepId, async (_: void, { container }) => {
  const drained = await container.resolve<ActivityModuleService>(ACTIVITY_MODULE).drainOutbox()
  if (drained.failed) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .error(`Activity outbox row ${drained.failed.id} could not be appended yet: ${drained.failed.error}`)
  }
  return new StepResponse(drained)
})
