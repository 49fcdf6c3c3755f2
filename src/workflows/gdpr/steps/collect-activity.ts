import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACTIVITY_MODULE } from "../../../modules/activity"
import ActivityModuleService from "../../../modules/activity/service"

export type CollectActivityStepInput = { customer_id: string }

export const collectActivityStepId = "collect-activity"

const FIELDS = ["id", "actor_type", "actor_id", "action", "resource_type", "resource_id", "payload", "occurred_at"] as const

/** Activity log entries the customer did, or that were done to their customer record. */
export const collectActivityStep = createStep(
  collectActivityStepId,
  async ({ customer_id }: CollectActivityStepInput, { container }) => {
    const activity = container.resolve<ActivityModuleService>(ACTIVITY_MODULE)
    const events = await activity.listActivityEvents(
      { $or: [{ actor_type: "customer", actor_id: customer_id }, { resource_type: "customer", resource_id: customer_id }] },
      { select: [...FIELDS], order: { seq: "ASC" }, take: null }
    )
    return new StepResponse(events)
  }
)
