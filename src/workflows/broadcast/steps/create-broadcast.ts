import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BROADCAST_MODULE } from "../../../modules/broadcast"
import BroadcastModuleService from "../../../modules/broadcast/service"
import { NotificationChannel } from "../../../lib/notifications/types"
import { BroadcastAudience } from "../utils/audience"

export type CreateBroadcastStepInput = {
  name: string
  channel: NotificationChannel
  subject?: string | null
  body: string
  audience: BroadcastAudience
  scheduled_at?: Date | null
  created_by?: string | null
}

export const createBroadcastStepId = "create-broadcast"

export const createBroadcastStep = createStep(
  createBroadcastStepId,
  async (input: CreateBroadcastStepInput, { container }) => {
    const broadcasts = container.resolve<BroadcastModuleService>(BROADCAST_MODULE)
    const broadcast = await broadcasts.createBroadcasts({
      ...input,
      subject: input.channel === "email" ? input.subject ?? null : null,
      audience: input.audience as unknown as Record<string, unknown>,
    })
    return new StepResponse(broadcast, broadcast.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    await container.resolve<BroadcastModuleService>(BROADCAST_MODULE).deleteBroadcasts(id)
  }
)
