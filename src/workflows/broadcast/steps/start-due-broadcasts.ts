import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BROADCAST_MODULE } from "../../../modules/broadcast"
import BroadcastModuleService from "../../../modules/broadcast/service"

export const startDueBroadcastsStepId = "start-due-broadcasts"

/**
 * Moves scheduled broadcasts whose time has come to `sending`, and returns
 * them with every broadcast already sending (a run that stopped is resumed;
 * the delivery lock keeps a running one from being sent twice).
 */
export const startDueBroadcastsStep = createStep(
  startDueBroadcastsStepId,
  async ({ now }: { now: Date }, { container }) => {
    const broadcasts = container.resolve<BroadcastModuleService>(BROADCAST_MODULE)
    const due = await broadcasts.listBroadcasts(
      { status: "scheduled", scheduled_at: { $lte: now } },
      { select: ["id"] }
    )
    if (due.length) {
      await broadcasts.updateBroadcasts(due.map(({ id }) => ({ id, status: "sending" as const, started_at: now })))
    }
    const sending = await broadcasts.listBroadcasts({ status: "sending" }, { select: ["id"] })
    return new StepResponse(
      sending.map(({ id }) => id),
      due.map(({ id }) => id)
    )
  },
  async (started, { container }) => {
    if (!started?.length) {
      return
    }
    await container
      .resolve<BroadcastModuleService>(BROADCAST_MODULE)
      .updateBroadcasts(started.map((id) => ({ id, status: "scheduled" as const, started_at: null })))
  }
)
