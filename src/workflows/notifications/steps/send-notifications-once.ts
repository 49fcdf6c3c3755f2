import { CreateNotificationDTO } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, NotificationStatus } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { countNotificationSends } from "../../../lib/observability/notifications"

/** A notification with a key that is stable per message: sent once, retried in place after a failure. */
export type NotificationToSend = CreateNotificationDTO & { idempotency_key: string }

type NotificationRow = { id: string; idempotency_key: string | null; status: string }

/** A notification to create, or (with `id`) a failed one to send again under the same record. */
type NotificationEntry = CreateNotificationDTO & { id?: string }

export const sendNotificationsOnceStepId = "send-notifications-once"

/**
 * Used instead of core's `sendNotificationsStep` wherever a trigger can be redelivered.
 * Sends the messages through Medusa's notification module, skipping keys that
 * were already sent (or are being sent). A key whose earlier send failed is
 * sent again under its existing record: the module, given only the key,
 * would send it and then fail to update a record it never created. When any
 * message fails the step throws after the others were tried, so a rerun sends
 * only what is missing. Sent messages cannot be taken back: no compensation.
 */
export const sendNotificationsOnceStep = createStep(
  sendNotificationsOnceStepId,
  async (notifications: NotificationToSend[], { container }) => {
    if (!notifications.length) {
      return new StepResponse({ notification_ids: [] as string[] })
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "notification",
      fields: ["id", "idempotency_key", "status"],
      filters: { idempotency_key: notifications.map((n) => n.idempotency_key) },
    })
    const previous = new Map((data as NotificationRow[]).map((row) => [row.idempotency_key, row]))
    const entries: NotificationEntry[] = []
    for (const notification of notifications) {
      const earlier = previous.get(notification.idempotency_key)
      if (earlier && earlier.status !== NotificationStatus.FAILURE) {
        continue
      }
      entries.push({
        ...notification,
        ...(earlier ? { id: earlier.id } : {}),
        // Providers that talk to an idempotent API (Resend) pass the key on too.
        provider_data: { idempotency_key: notification.idempotency_key },
      })
    }
    const created = entries.length
      ? await countNotificationSends(container, entries, () =>
          container.resolve(Modules.NOTIFICATION).createNotifications(entries)
        )
      : []
    // The module returns the records it created; retried ones keep their id.
    const retried = entries.flatMap((entry) => (entry.id ? [entry.id] : []))
    return new StepResponse({ notification_ids: [...created.map((notification) => notification.id), ...retried] })
  }
)
