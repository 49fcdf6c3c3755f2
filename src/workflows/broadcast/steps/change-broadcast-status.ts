import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BROADCAST_MODULE } from "../../../modules/broadcast"
import { BroadcastStatus } from "../../../modules/broadcast/models/broadcast"
import BroadcastModuleService from "../../../modules/broadcast/service"

export type ChangeBroadcastStatusStepInput = {
  id: string
  /** Statuses the broadcast may be in; anything else is a 409. */
  from: BroadcastStatus[]
  to: BroadcastStatus
  /** Timestamps and error to set with the change. */
  set?: Partial<Record<"started_at" | "completed_at" | "cancelled_at", Date>> & { last_error?: string | null }
}

export const changeBroadcastStatusStepId = "change-broadcast-status"

/** Moves a broadcast from one of the allowed statuses to the next; the compensation puts it back. */
export const changeBroadcastStatusStep = createStep(
  changeBroadcastStatusStepId,
  async ({ id, from, to, set }: ChangeBroadcastStatusStepInput, { container }) => {
    const broadcasts = container.resolve<BroadcastModuleService>(BROADCAST_MODULE)
    const before = await broadcasts.retrieveBroadcast(id)
    if (!from.includes(before.status)) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Broadcast ${id} is ${before.status}; this needs it to be ${from.join(" or ")}`
      )
    }
    const updated = await broadcasts.updateBroadcasts({ id, status: to, ...set })
    const previous = {
      id,
      status: before.status,
      started_at: before.started_at,
      completed_at: before.completed_at,
      cancelled_at: before.cancelled_at,
      last_error: before.last_error,
    }
    return new StepResponse(updated, previous)
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    await container.resolve<BroadcastModuleService>(BROADCAST_MODULE).updateBroadcasts(previous)
  }
)
