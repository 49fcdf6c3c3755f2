import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BROADCAST_MODULE } from "../../../modules/broadcast"
import BroadcastModuleService from "../../../modules/broadcast/service"
import { NotificationChannel } from "../../../lib/notifications/types"
import { broadcastTransport } from "../utils/transports"
import { deliverBroadcast } from "../utils/deliver"

export type DeliverBroadcastStepInput = {
  id: string
  /** The delivery lock this run holds, renewed before every batch. */
  lock_key: string
  lock_owner_id: string
  lock_ttl: number
  max_batches?: number
}

export const deliverBroadcastStepId = "deliver-broadcast"

export const deliverBroadcastStep = createStep(
  deliverBroadcastStepId,
  async ({ id, lock_key, lock_owner_id, lock_ttl, max_batches }: DeliverBroadcastStepInput, { container }) => {
    const broadcast = await container.resolve<BroadcastModuleService>(BROADCAST_MODULE).retrieveBroadcast(id, {
      select: ["channel"],
    })
    const locking = container.resolve(Modules.LOCKING)
    const { transport, perSecond } = broadcastTransport(container, broadcast.channel as NotificationChannel)
    const run = await deliverBroadcast(container, id, {
      transport,
      perSecond,
      maxBatches: max_batches,
      heartbeat: () => locking.acquire(lock_key, { ownerId: lock_owner_id, expire: lock_ttl }),
    })
    return new StepResponse(run)
  }
)
