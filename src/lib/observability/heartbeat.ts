import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { eventBusLag, scheduledJobDelay } from "./metrics"

/** Emitted every minute by the heartbeat job; its subscriber measures how long it waited. */
export const HEARTBEAT_EVENT = "observability.heartbeat"

export type HeartbeatData = { emitted_at: number }

const MINUTE_MS = 60_000

/**
 * The heartbeat job's run, scheduled every minute: records how late it started
 * after its minute (`scheduled_job_delay_seconds`), then emits the heartbeat
 * event straight on the event bus (not through a workflow, which would hold it
 * until the workflow ends). Delays of a minute or more read modulo the minute.
 */
export async function runHeartbeat(container: Pick<MedusaContainer, "resolve">, now = Date.now()) {
  scheduledJobDelay.observe((now % MINUTE_MS) / 1000)
  await container.resolve(Modules.EVENT_BUS).emit({ name: HEARTBEAT_EVENT, data: { emitted_at: now } })
}

/**
 * The subscriber's side: time from emit to subscriber start
 * (`event_bus_lag_seconds`). With Redis that is the wait in the event queue
 * behind other events, across processes (clocks assumed in sync).
 */
export function receiveHeartbeat(data: Partial<HeartbeatData>, now = Date.now()) {
  if (typeof data.emitted_at === "number" && Number.isFinite(data.emitted_at)) {
    eventBusLag.observe(Math.max(0, now - data.emitted_at) / 1000)
  }
}
