import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { drainActivityOutboxStep } from "./steps/drain-activity-outbox"

export const drainActivityOutboxWorkflowId = "drain-activity-outbox"

/** Appends to the activity log what earlier writes could not (see appendWithRetry). */
export const drainActivityOutboxWorkflow = createWorkflow(drainActivityOutboxWorkflowId, () => {
  return new WorkflowResponse(drainActivityOutboxStep())
})
