import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { BROADCAST_SENDING_EVENT } from "./events"
import { startDueBroadcastsStep } from "./steps/start-due-broadcasts"

export const startDueBroadcastsWorkflowId = "start-due-broadcasts"

/** Starts scheduled broadcasts that are due and hands every sending one to the worker. */
export const startDueBroadcastsWorkflow = createWorkflow(startDueBroadcastsWorkflowId, () => {
  const now = transform({}, () => new Date())
  const ids = startDueBroadcastsStep({ now })
  const events = transform({ ids }, ({ ids }) => ids.map((id) => ({ id })))
  emitEventStep({ eventName: BROADCAST_SENDING_EVENT, data: events })
  return new WorkflowResponse(ids)
})
