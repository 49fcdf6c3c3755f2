import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { conversationView, staffByIds } from "../helpers"
import { GetAdminConversationsParamsType } from "../validators"

/** The query's filters as Medusa filter operators. */
function filtersOf(params: GetAdminConversationsParamsType, actorId: string): Record<string, unknown> {
  const and: Record<string, unknown>[] = []
  if (params.status) {
    and.push({ status: params.status })
  }
  if (params.assignee_id) {
    const assignee = { me: actorId, none: null }[params.assignee_id] ?? params.assignee_id
    and.push({ assignee_id: assignee })
  }
  if (params.unread !== undefined) {
    and.push({ unread_count: params.unread ? { $gt: 0 } : 0 })
  }
  if (params.overdue) {
    and.push({
      status: { $ne: "resolved" },
      first_responded_at: null,
      first_response_due_at: { $lt: new Date() },
    })
  }
  for (const field of ["customer_id", "order_id"] as const) {
    if (params[field]) {
      and.push({ [field]: params[field] })
    }
  }
  if (params.q) {
    const term = `%${params.q.replace(/[%_\\]/g, "\\$&")}%`
    and.push({ $or: [{ reference: { $ilike: term } }, { customer_phone: { $ilike: term } }, { profile_name: { $ilike: term } }] })
  }
  return and.length ? { $and: and } : {}
}

/** The inbox: newest activity first, with unread and overdue markers. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, GetAdminConversationsParamsType>,
  res: MedusaResponse
) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "concierge_conversation",
    fields: req.queryConfig.fields,
    filters: filtersOf(req.validatedQuery as GetAdminConversationsParamsType, req.auth_context.actor_id),
    pagination: {
      ...req.queryConfig.pagination,
      order: req.queryConfig.pagination.order ?? { last_message_at: "DESC" },
    },
  })
  const rows = data as Parameters<typeof conversationView>[0][]
  const assignees = await staffByIds(
    req.scope,
    rows.flatMap((row) => (row.assignee_id ? [row.assignee_id] : []))
  )
  const conversations = rows.map((row) => ({
    ...conversationView(row),
    assignee: row.assignee_id ? (assignees.get(row.assignee_id) ?? null) : null,
  }))
  res.json({
    conversations,
    count: metadata?.count ?? conversations.length,
    offset: metadata?.skip ?? 0,
    limit: metadata?.take ?? conversations.length,
  })
}
