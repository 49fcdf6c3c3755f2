import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { statusLockKey } from "./events"
import { changeBroadcastStatusStep } from "./steps/change-broadcast-status"

export type CancelBroadcastWorkflowInput = { id: string }

export const cancelBroadcastWorkflowId = "cancel-broadcast"

/** Stops a broadcast; a delivery in progress sees it before its next batch. */
export const cancelBroadcastWorkflow = createWorkflow(
  cancelBroadcastWorkflowId,
  (input: CancelBroadcastWorkflowInput) => {
    const lockKey = transform({ input }, ({ input }) => statusLockKey(input.id))
    acquireLockStep({ key: lockKey, timeout: 5, ttl: 30 })
    const change = transform({ input }, ({ input }) => ({
      id: input.id,
      from: ["draft" as const, "scheduled" as const, "sending" as const],
      to: "cancelled" as const,
      set: { cancelled_at: new Date() },
    }))
    const broadcast = changeBroadcastStatusStep(change)
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(broadcast)
  }
)
