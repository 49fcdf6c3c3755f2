import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { env } from "../../../config"
import { broadcastTransportsConfigFromEnv, createBroadcastTransports } from "../../../lib/notifications/transports"
import { BroadcastTransport, NotificationChannel } from "../../../lib/notifications/types"

let transports: Record<NotificationChannel, BroadcastTransport> | undefined

const PER_SECOND: Record<NotificationChannel, number> = {
  email: env.BROADCAST_EMAIL_PER_SECOND,
  sms: env.BROADCAST_SMS_PER_SECOND,
  whatsapp: env.BROADCAST_WHATSAPP_PER_SECOND,
}

/** The process's transport for a channel (built once from the environment) and its rate cap. */
export function broadcastTransport(
  container: MedusaContainer,
  channel: NotificationChannel
): { transport: BroadcastTransport; perSecond: number } {
  transports ??= createBroadcastTransports(
    broadcastTransportsConfigFromEnv(env, container.resolve(ContainerRegistrationKeys.LOGGER))
  )
  return { transport: transports[channel], perSecond: PER_SECOND[channel] }
}
