import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { BROADCAST_MODULE } from "../modules/broadcast"
import { BroadcastStatus } from "../modules/broadcast/models/broadcast"
import BroadcastModuleService from "../modules/broadcast/service"
import { recordActivityOnceSafely } from "../workflows/activity/record-activity-safely"
import { idsOf } from "../workflows/activity/utils/domain-action"

const CREATED = "broadcast.broadcast.created"

/** The statuses a broadcast reaches once each, recorded as `broadcast.<status>`. */
const RECORDED: Partial<Record<BroadcastStatus, string>> = {
  scheduled: "broadcast.scheduled",
  sending: "broadcast.sending",
  sent: "broadcast.sent",
  cancelled: "broadcast.cancelled",
  failed: "broadcast.failed",
}

/**
 * A broadcast was created (actor: the staff member who made it) or changed
 * status. The module reports every write to a broadcast, so each status is
 * recorded once, however many updates repeat it.
 */
export default async function activityBroadcastChangedHandler({
  event,
  container,
}: SubscriberArgs<{ id: string | string[] }>) {
  const ids = idsOf(event.data.id)
  if (!ids.length) {
    return
  }
  const broadcasts = await container
    .resolve<BroadcastModuleService>(BROADCAST_MODULE)
    .listBroadcasts({ id: ids }, { select: ["id", "status", "channel", "created_by"] })
  for (const broadcast of broadcasts) {
    const action = event.name === CREATED ? "broadcast.created" : RECORDED[broadcast.status]
    if (!action) {
      continue
    }
    const byStaff = event.name === CREATED && !!broadcast.created_by
    await recordActivityOnceSafely(container, {
      actor_type: byStaff ? "user" : "system",
      actor_id: byStaff ? broadcast.created_by : null,
      action,
      resource_type: "broadcast",
      resource_id: broadcast.id,
      payload: { channel: broadcast.channel, status: broadcast.status },
    })
  }
}

export const config: SubscriberConfig = {
  event: [CREATED, "broadcast.broadcast.updated"],
}
