import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { byThreadOrder } from "../../../modules/concierge/thread-order"
import { REPLY_WINDOW_MS } from "../../../workflows/concierge/steps/check-reply-window"
import { conversationFields, messageFields } from "./query-config"

type ConversationRow = Record<string, unknown> & {
  id: string
  status: string
  customer_id: string | null
  cart_id: string | null
  order_id: string | null
  assignee_id: string | null
  first_response_due_at: string | Date | null
  first_responded_at: string | Date | null
  last_inbound_at: string | Date | null
}

const RECENT_ORDERS = 5

/**
 * A conversation as the inbox shows it: `overdue` when it still waits for a
 * first reply past its due time, and the WhatsApp reply window (free text
 * until `closes_at`, templates after).
 */
export function conversationView<T extends ConversationRow>(row: T, now = Date.now()) {
  const due = row.first_response_due_at ? new Date(row.first_response_due_at).getTime() : null
  const lastInbound = row.last_inbound_at ? new Date(row.last_inbound_at).getTime() : null
  const closesAt = lastInbound === null ? null : lastInbound + REPLY_WINDOW_MS
  return {
    ...row,
    overdue: row.status !== "resolved" && !row.first_responded_at && due !== null && due < now,
    reply_window: {
      open: closesAt !== null && closesAt > now,
      closes_at: closesAt === null ? null : new Date(closesAt).toISOString(),
    },
  }
}

export type StaffSummary = { id: string; email: string; first_name: string | null; last_name: string | null }

/** The staff users with these ids (for assignee names: the concierge role cannot list users itself). */
export async function staffByIds(scope: MedusaContainer, ids: string[]): Promise<Map<string, StaffSummary>> {
  if (!ids.length) {
    return new Map()
  }
  const { data } = await scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "user",
    fields: ["id", "email", "first_name", "last_name"],
    filters: { id: [...new Set(ids)] },
  })
  return new Map((data as StaffSummary[]).map((user) => [user.id, user]))
}

const firstOf = async (
  scope: MedusaContainer,
  entity: string,
  id: string | null,
  fields: string[]
): Promise<Record<string, unknown> | null> => {
  if (!id) {
    return null
  }
  const { data } = await scope.resolve(ContainerRegistrationKeys.QUERY).graph({ entity, fields, filters: { id } })
  return (data[0] as Record<string, unknown> | undefined) ?? null
}

/** The conversation, its messages oldest first, and what staff need to help: customer, cart, recent orders, assignee. */
export async function retrieveConversationDetail(scope: MedusaContainer, id: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [conversation],
  } = await query.graph({
    entity: "concierge_conversation",
    fields: [...conversationFields, ...messageFields.map((field) => `messages.${field}`)],
    filters: { id },
  })
  if (!conversation) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Concierge conversation ${id} was not found`)
  }
  const { messages, ...row } = conversation as unknown as ConversationRow & {
    messages: { sent_at: string; created_at: string }[]
  }
  const [customer, cart, linkedOrder, assignee, recent] = await Promise.all([
    firstOf(scope, "customer", row.customer_id, ["id", "email", "first_name", "last_name", "phone", "has_account", "created_at"]),
    firstOf(scope, "cart", row.cart_id, [
      "id",
      "email",
      "currency_code",
      "completed_at",
      "created_at",
      "subtotal",
      "shipping_total",
      "tax_total",
      "discount_total",
      "total",
      "items.id",
      "items.title",
      "items.product_title",
      "items.variant_title",
      "items.variant_sku",
      "items.thumbnail",
      "items.quantity",
      "items.unit_price",
      "items.total",
    ]),
    firstOf(scope, "order", row.order_id, ["id", "display_id", "status", "currency_code", "total", "created_at"]),
    firstOf(scope, "user", row.assignee_id, ["id", "email", "first_name", "last_name"]),
    row.customer_id
      ? query.graph({
          entity: "order",
          fields: ["id", "display_id", "status", "currency_code", "total", "created_at"],
          filters: { customer_id: row.customer_id },
          pagination: { take: RECENT_ORDERS, skip: 0, order: { created_at: "DESC" } },
        })
      : Promise.resolve({ data: [] }),
  ])
  const recentOrders = recent.data as { id: string }[]
  return {
    conversation: {
      ...conversationView(row),
      messages: [...messages].sort(byThreadOrder),
    },
    context: {
      customer,
      cart,
      order: linkedOrder,
      recent_orders: recentOrders,
      assignee,
    },
  }
}
