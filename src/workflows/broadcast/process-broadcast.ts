import { generateEntityId } from "@medusajs/framework/utils"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { BROADCAST_SENDING_EVENT, deliveryLockKey } from "./events"
import { deliverBroadcastStep } from "./steps/deliver-broadcast"
import { finishBroadcastStep } from "./steps/finish-broadcast"
import { listBroadcastRecipientsStep } from "./steps/list-broadcast-recipients"

export type ProcessBroadcastWorkflowInput = {
  id: string
  /** Stop after this many provider batches; the next run continues. */
  max_batches?: number
  /**
   * When the run stops at `max_batches` with recipients left, emit
   * `broadcast.sending` again so a worker continues: long sends run as a chain
   * of short workflows instead of one that holds a worker for many minutes.
   */
  continue_in_background?: boolean
}

export const processBroadcastWorkflowId = "process-broadcast"

const LOCK_TTL_SECONDS = 60

/**
 * Delivers a `sending` broadcast in the worker. One run at a time per
 * broadcast (a lock kept alive batch by batch, and released by expiry if
 * the process dies); any run continues where the last one stopped.
 */
export const processBroadcastWorkflow = createWorkflow(
  processBroadcastWorkflowId,
  (input: ProcessBroadcastWorkflowInput) => {
    // Each value its own transform: a property of a transform's result does not resolve.
    const lockKey = transform({ input }, ({ input }) => deliveryLockKey(input.id))
    const ownerId = transform({ input }, () => generateEntityId(undefined, "bcrun"))
    acquireLockStep({ key: lockKey, ownerId, ttl: LOCK_TTL_SECONDS })
    listBroadcastRecipientsStep({ id: input.id })
    const run = deliverBroadcastStep({
      id: input.id,
      lock_key: lockKey,
      lock_owner_id: ownerId,
      lock_ttl: LOCK_TTL_SECONDS,
      max_batches: input.max_batches,
    })
    const broadcast = finishBroadcastStep({ id: input.id, run })
    releaseLockStep({ key: lockKey, ownerId })
    when({ input, run, broadcast }, ({ input, run, broadcast }) => {
      const outOfBatches = run.outcome === "stopped" && !run.provider_error && broadcast.status === "sending"
      return !!input.continue_in_background && outOfBatches
    }).then(() => {
      emitEventStep({ eventName: BROADCAST_SENDING_EVENT, data: { id: input.id } })
    })
    return new WorkflowResponse({ broadcast, run })
  }
)
