import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { BROADCAST_SENDING_EVENT, statusLockKey } from "./events"
import { changeBroadcastStatusStep } from "./steps/change-broadcast-status"

export type SendBroadcastWorkflowInput = { id: string }

export const sendBroadcastWorkflowId = "send-broadcast"

/**
 * Starts a draft: `scheduled` when its time is still ahead (the broadcasts job
 * starts it then), else `sending` and handed to the worker by an event. The
 * request never sends anything itself.
 */
export const sendBroadcastWorkflow = createWorkflow(
  sendBroadcastWorkflowId,
  (input: SendBroadcastWorkflowInput) => {
    const lockKey = transform({ input }, ({ input }) => statusLockKey(input.id))
    acquireLockStep({ key: lockKey, timeout: 5, ttl: 30 })
    const { data: broadcasts } = useQueryGraphStep({
      entity: "broadcast",
      fields: ["id", "scheduled_at"],
      filters: { id: input.id },
      options: { throwIfKeyNotFound: true },
    })
    const change = transform({ broadcasts }, ({ broadcasts }) => {
      const scheduledAt = broadcasts[0].scheduled_at ? new Date(broadcasts[0].scheduled_at) : null
      const now = new Date()
      return scheduledAt && scheduledAt > now
        ? { id: broadcasts[0].id, from: ["draft" as const], to: "scheduled" as const }
        : { id: broadcasts[0].id, from: ["draft" as const], to: "sending" as const, set: { started_at: now } }
    })
    const broadcast = changeBroadcastStatusStep(change)
    when({ change }, ({ change }) => change.to === "sending").then(() => {
      emitEventStep({ eventName: BROADCAST_SENDING_EVENT, data: { id: input.id } })
    })
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(broadcast)
  }
)
