import { MedusaContainer } from "@medusajs/framework/types"
import { runHeartbeat } from "../lib/observability/heartbeat"

/** Every minute: job start delay and an event whose wait in the event bus is measured (see /metrics). */
export default async function eventBusHeartbeatJob(container: MedusaContainer) {
  await runHeartbeat(container)
}

export const config = {
  name: "event-bus-heartbeat",
  schedule: "* * * * *",
}
