import type { MedusaContainer } from "@medusajs/framework/types"
import { BROADCAST_MODULE } from "../../modules/broadcast"
import { RECIPIENT_STATUSES } from "../../modules/broadcast/models/broadcast-recipient"
import type BroadcastModuleService from "../../modules/broadcast/service"
import { broadcastRecipients, broadcastsActive } from "./metrics"

const ACTIVE = ["scheduled", "sending"] as const

/**
 * Sets the broadcast gauges from the database, at scrape time: how many
 * broadcasts are scheduled and sending, and each sending broadcast's
 * recipients by status (sent + failed + skipped against the total is its progress).
 */
export async function collectBroadcastProgress(container: Pick<MedusaContainer, "resolve">): Promise<void> {
  const broadcasts = container.resolve<BroadcastModuleService>(BROADCAST_MODULE)
  const active = await broadcasts.listBroadcasts({ status: [...ACTIVE] }, { select: ["id", "status"] })
  broadcastsActive.reset()
  for (const status of ACTIVE) {
    broadcastsActive.set({ status }, active.filter((broadcast) => broadcast.status === status).length)
  }
  const sending = active.filter((broadcast) => broadcast.status === "sending").map((broadcast) => broadcast.id)
  const counts = await broadcasts.countRecipients(sending)
  // Finished broadcasts drop out of the gauge instead of keeping their last numbers.
  broadcastRecipients.reset()
  for (const [broadcastId, count] of counts) {
    for (const status of RECIPIENT_STATUSES) {
      broadcastRecipients.set({ broadcast_id: broadcastId, status }, count[status])
    }
  }
}
