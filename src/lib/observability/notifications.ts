import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, NotificationStatus } from "@medusajs/framework/utils"
import { recordNotifications } from "./metrics"

type Sent = { channel: string; idempotency_key?: string | null }

/**
 * Runs `send` (Medusa's notification module sending `entries`) and counts each
 * message as sent or failed by channel. The module throws when any message
 * failed, after trying them all; the records' statuses then tell which.
 */
export async function countNotificationSends<T>(
  container: Pick<MedusaContainer, "resolve">,
  entries: Sent[],
  send: () => Promise<T>
): Promise<T> {
  try {
    const result = await send()
    recordNotifications("transactional", entries.map(({ channel }) => ({ channel, outcome: "sent" })))
    return result
  } catch (error) {
    recordNotifications("transactional", await outcomesAfterFailure(container, entries))
    throw error
  }
}

async function outcomesAfterFailure(container: Pick<MedusaContainer, "resolve">, entries: Sent[]) {
  const keys = entries.flatMap(({ idempotency_key }) => (idempotency_key ? [idempotency_key] : []))
  const statusByKey = new Map<string, string>()
  try {
    const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "notification",
      fields: ["idempotency_key", "status"],
      filters: { idempotency_key: keys },
    })
    for (const row of data as { idempotency_key: string | null; status: string }[]) {
      if (row.idempotency_key) {
        statusByKey.set(row.idempotency_key, row.status)
      }
    }
  } catch {
    // Counting must not hide the send's own error: unknown statuses count as failed.
  }
  return entries.map(({ channel, idempotency_key }) => ({
    channel,
    outcome:
      idempotency_key && statusByKey.get(idempotency_key) === NotificationStatus.SUCCESS
        ? ("sent" as const)
        : ("failed" as const),
  }))
}
