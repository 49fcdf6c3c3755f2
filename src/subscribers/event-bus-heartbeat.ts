import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { HEARTBEAT_EVENT, HeartbeatData, receiveHeartbeat } from "../lib/observability/heartbeat"

/** Records how long the heartbeat event waited between emit and this subscriber (event_bus_lag_seconds). */
export default async function eventBusHeartbeatHandler({ event }: SubscriberArgs<HeartbeatData>) {
  receiveHeartbeat(event.data)
}

export const config: SubscriberConfig = {
  event: HEARTBEAT_EVENT,
}
