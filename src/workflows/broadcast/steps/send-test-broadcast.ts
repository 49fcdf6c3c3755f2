import { generateEntityId, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BROADCAST_MODULE } from "../../../modules/broadcast"
import BroadcastModuleService from "../../../modules/broadcast/service"
import { NotificationChannel } from "../../../lib/notifications/types"
import { addressOf } from "../utils/audience"
import { BroadcastContent, renderBroadcastFor } from "../utils/render"
import { broadcastTransport } from "../utils/transports"

export type SendTestBroadcastStepInput = { id: string; user_id: string }

export const sendTestBroadcastStepId = "send-test-broadcast"

/**
 * Sends the broadcast to the requesting admin through the same provider as the
 * real send. Phone channels use the admin's `metadata.phone` (E.164).
 */
export const sendTestBroadcastStep = createStep(
  sendTestBroadcastStepId,
  async ({ id, user_id }: SendTestBroadcastStepInput, { container }) => {
    const broadcast = await container.resolve<BroadcastModuleService>(BROADCAST_MODULE).retrieveBroadcast(id)
    const user = await container.resolve(Modules.USER).retrieveUser(user_id)
    const channel = broadcast.channel as NotificationChannel
    const phone = typeof user.metadata?.phone === "string" ? user.metadata.phone : null
    const to = addressOf({ ...user, phone }, channel)
    if (typeof to !== "string") {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Cannot send a test ${channel} message to you: ${to.reason}${channel === "email" ? "" : " (set metadata.phone on your user)"}`
      )
    }
    const message = renderBroadcastFor(broadcast as BroadcastContent, { ...user, id: user.id }, to)
    const [result] = await broadcastTransport(container, channel).transport.send(
      [message],
      generateEntityId(undefined, `${id}_test`)
    )
    if (result?.status !== "sent") {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `The ${channel} provider did not take the test message: ${result?.error ?? "no answer"}`
      )
    }
    return new StepResponse({ sent: true as const, to, provider_message_id: result.id })
  }
)
