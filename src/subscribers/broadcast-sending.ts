import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { env } from "../config"
import { BROADCAST_SENDING_EVENT } from "../workflows/broadcast/events"
import { processBroadcastWorkflow } from "../workflows/broadcast/process-broadcast"

/**
 * Delivers a broadcast in the worker, BROADCAST_BATCHES_PER_RUN batches per
 * run (the run emits the event again when recipients are left). When another
 * run holds the broadcast's lock it is already being sent, and this delivery
 * of the event has nothing to do.
 */
export default async function broadcastSendingHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  const { errors } = await processBroadcastWorkflow(container).run({
    input: { id: event.data.id, max_batches: env.BROADCAST_BATCHES_PER_RUN, continue_in_background: true },
    throwOnError: false,
  })
  const [first] = errors
  if (!first) {
    return
  }
  const message = first.error?.message ?? String(first.error)
  if (/Failed to acquire lock/i.test(message)) {
    container.resolve(ContainerRegistrationKeys.LOGGER).debug(`Broadcast ${event.data.id} is already being sent`)
    return
  }
  throw first.error
}

export const config: SubscriberConfig = {
  event: BROADCAST_SENDING_EVENT,
}
