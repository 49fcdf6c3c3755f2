import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BROADCAST_MODULE } from "../../../modules/broadcast"
import BroadcastModuleService from "../../../modules/broadcast/service"
import { DeliveryRun } from "../utils/deliver"

export const finishBroadcastStepId = "finish-broadcast"

/**
 * Marks a broadcast whose queue is empty `sent` (or `failed` when no message
 * got through), or notes the provider error of a run that has to be resumed.
 */
export const finishBroadcastStep = createStep(
  finishBroadcastStepId,
  async ({ id, run }: { id: string; run: DeliveryRun }, { container }) => {
    const broadcasts = container.resolve<BroadcastModuleService>(BROADCAST_MODULE)
    const broadcast = await broadcasts.retrieveBroadcast(id, { select: ["id", "status"] })
    if (broadcast.status !== "sending") {
      return new StepResponse(broadcast)
    }
    if (run.outcome === "stopped") {
      return new StepResponse(
        run.provider_error
          ? await broadcasts.updateBroadcasts({ id, last_error: run.provider_error })
          : broadcast
      )
    }
    const counts = (await broadcasts.countRecipients([id])).get(id)!
    const failed = counts.sent === 0 && counts.failed > 0
    return new StepResponse(
      await broadcasts.updateBroadcasts({
        id,
        status: failed ? "failed" : "sent",
        completed_at: new Date(),
        last_error: failed ? "every message was refused by the provider" : null,
      })
    )
  }
)
