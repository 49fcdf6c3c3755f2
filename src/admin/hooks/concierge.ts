import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type { PageInfo } from "../lib/pagination"
import { sdk } from "../lib/sdk"

export type ConversationStatus = "open" | "pending" | "resolved"
export type MessageDirection = "inbound" | "outbound"
export type MessageChannel = "storefront" | "whatsapp"
export type MessageType = "text" | "image" | "document" | "template" | "unsupported"
export type MessageStatus = "received" | "queued" | "sent" | "delivered" | "read" | "failed"

/** Free text is allowed until `closes_at` (24 hours after the customer's last WhatsApp message); templates after. */
export type ReplyWindow = { open: boolean; closes_at: string | null }

export type Conversation = {
  id: string
  reference: string
  /** E.164. */
  customer_phone: string
  whatsapp_id: string | null
  profile_name: string | null
  customer_id: string | null
  cart_id: string | null
  order_id: string | null
  topic: string | null
  origin: "storefront" | "whatsapp"
  status: ConversationStatus
  assignee_id: string | null
  /** List rows only: the assignee's name and email (concierge staff cannot list users). */
  assignee?: StaffUser | null
  first_response_due_at: string | null
  first_responded_at: string | null
  last_inbound_at: string | null
  last_outbound_at: string | null
  last_message_at: string
  unread_count: number
  resolved_at: string | null
  created_at: string
  /** Still waiting for a first reply past its due time. */
  overdue: boolean
  reply_window: ReplyWindow
}

export type TemplatePayload = { name: string; language: string; variables: string[] }

export type ConversationMessage = {
  id: string
  direction: MessageDirection
  channel: MessageChannel
  type: MessageType
  text: string | null
  media_id: string | null
  media_mime_type: string | null
  media_filename: string | null
  template: TemplatePayload | null
  status: MessageStatus
  error: string | null
  author_id: string | null
  sent_at: string
  delivered_at: string | null
  read_at: string | null
  failed_at: string | null
}

export type ConversationDetail = Conversation & { messages: ConversationMessage[] }

export type OrderSummary = {
  id: string
  display_id: number
  status: string
  currency_code: string
  total: number
  created_at: string
}

export type CartItem = {
  id: string
  title: string | null
  product_title: string | null
  variant_title: string | null
  variant_sku: string | null
  thumbnail: string | null
  quantity: number
  unit_price: number
  total: number
}

export type ConversationContext = {
  customer: {
    id: string
    email: string
    first_name: string | null
    last_name: string | null
    phone: string | null
    has_account: boolean
    created_at: string
  } | null
  cart: {
    id: string
    email: string | null
    currency_code: string
    completed_at: string | null
    subtotal: number
    shipping_total: number
    tax_total: number
    discount_total: number
    total: number
    items: CartItem[]
  } | null
  order: OrderSummary | null
  recent_orders: OrderSummary[]
  assignee: StaffUser | null
}

export type StaffUser = { id: string; email: string; first_name: string | null; last_name: string | null }

export type ConversationResponse = { conversation: ConversationDetail; context: ConversationContext }

/** The list endpoint's query, as `buildInboxQuery` makes it. */
export type ConversationListQuery = {
  status?: ConversationStatus | ConversationStatus[]
  /** A user id, `me` or `none`. */
  assignee_id?: string
  unread?: boolean
  overdue?: boolean
  order_id?: string
  customer_id?: string
  q?: string
  limit: number
  offset: number
}

export type ReplyInput = { text: string } | { template: string; language: string; variables: string[] }

/** New WhatsApp messages arrive through the webhook: the inbox and an open thread poll for them. */
export const CONCIERGE_POLL_MS = 15_000

export const conciergeQueryKeys = {
  all: ["concierge"] as const,
  lists: () => [...conciergeQueryKeys.all, "list"] as const,
  list: (query: ConversationListQuery) => [...conciergeQueryKeys.lists(), query] as const,
  details: () => [...conciergeQueryKeys.all, "detail"] as const,
  detail: (id: string) => [...conciergeQueryKeys.details(), id] as const,
  me: () => [...conciergeQueryKeys.all, "me"] as const,
  staff: () => [...conciergeQueryKeys.all, "staff"] as const,
}

export function useConversations(query: ConversationListQuery, options: { poll?: boolean } = {}) {
  return useQuery({
    queryKey: conciergeQueryKeys.list(query),
    queryFn: () =>
      sdk.client.fetch<PageInfo & { conversations: Conversation[] }>("/admin/concierge/conversations", { query }),
    placeholderData: keepPreviousData,
    refetchInterval: options.poll === false ? false : CONCIERGE_POLL_MS,
  })
}

/** One conversation with its messages and context, polled so replies and delivery ticks show up. */
export function useConversation(id: string) {
  return useQuery({
    queryKey: conciergeQueryKeys.detail(id),
    queryFn: () => sdk.client.fetch<ConversationResponse>(`/admin/concierge/conversations/${id}`),
    refetchInterval: CONCIERGE_POLL_MS,
  })
}

/** The signed-in user: "Assign to me" works for every role. */
export function useCurrentUser() {
  return useQuery({
    queryKey: conciergeQueryKeys.me(),
    queryFn: () => sdk.client.fetch<{ user: StaffUser }>("/admin/users/me"),
    select: (data) => data.user,
    staleTime: Infinity,
  })
}

/**
 * Staff to assign to. Listing users needs the staff permission, which the
 * concierge role lacks: a 403 just leaves the picker out, so no retries.
 */
export function useStaffUsers() {
  return useQuery({
    queryKey: conciergeQueryKeys.staff(),
    queryFn: () =>
      sdk.client.fetch<{ users: StaffUser[] }>("/admin/users", {
        query: { limit: 100, fields: "id,email,first_name,last_name" },
      }),
    select: (data) => data.users,
    retry: false,
    staleTime: 5 * 60_000,
  })
}

/** A POST on the conversation that answers with the detail shape: cache it and refresh the lists. */
function useConversationAction<TBody>(id: string, action: "assign" | "resolve" | "read") {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: TBody) =>
      sdk.client.fetch<ConversationResponse>(`/admin/concierge/conversations/${id}/${action}`, {
        method: "POST",
        body: body ?? {},
      }),
    onSuccess: (data) => {
      queryClient.setQueryData(conciergeQueryKeys.detail(id), data)
      return queryClient.invalidateQueries({ queryKey: conciergeQueryKeys.lists() })
    },
  })
}

export function useAssignConversation(id: string) {
  return useConversationAction<{ user_id: string | null }>(id, "assign")
}

export function useResolveConversation(id: string) {
  return useConversationAction<void>(id, "resolve")
}

export function useMarkConversationRead(id: string) {
  return useConversationAction<void>(id, "read")
}

/**
 * A reply. The detail is refetched whatever the outcome: a 502 stores the
 * failed message (shown with its error), a 409 means the window has closed.
 */
export function useSendReply(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: ReplyInput) =>
      sdk.client.fetch<{ concierge_message: ConversationMessage; conversation: ConversationDetail }>(
        `/admin/concierge/conversations/${id}/messages`,
        { method: "POST", body: input }
      ),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: conciergeQueryKeys.detail(id) }),
        queryClient.invalidateQueries({ queryKey: conciergeQueryKeys.lists() }),
      ]),
  })
}
