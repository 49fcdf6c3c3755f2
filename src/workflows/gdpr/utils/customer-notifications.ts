import { INotificationModuleService, NotificationDTO } from "@medusajs/framework/types"

export const NOTIFICATION_FIELDS: (keyof NotificationDTO)[] = [
  "id",
  "to",
  "channel",
  "template",
  "status",
  "trigger_type",
  "resource_type",
  "resource_id",
  "receiver_id",
  "data",
  "provider_data",
  "created_at",
]

/**
 * Notification records that point at the customer: sent to one of their
 * addresses (`to` = email or phone) or recorded with them as the receiver.
 */
export async function listCustomerNotifications(
  service: INotificationModuleService,
  customerId: string,
  addresses: (string | null | undefined)[]
): Promise<NotificationDTO[]> {
  const to = [...new Set(addresses.filter((a): a is string => !!a).flatMap((a) => [a, a.toLowerCase()]))]
  const [byAddress, byReceiver] = await Promise.all([
    to.length ? service.listNotifications({ to }, { select: NOTIFICATION_FIELDS, take: null }) : [],
    service.listNotifications({ receiver_id: customerId }, { select: NOTIFICATION_FIELDS, take: null }),
  ])
  const byId = new Map([...byAddress, ...byReceiver].map((n) => [n.id, n]))
  return [...byId.values()].sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime())
}
