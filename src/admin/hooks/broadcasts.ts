import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type { NotificationChannel, RenderedMessage } from "../../lib/notifications/types"
import type { PageInfo, PageQuery } from "../lib/pagination"
import { sdk } from "../lib/sdk"

export type BroadcastChannel = NotificationChannel
export type BroadcastStatus =
  | "draft"
  | "scheduled"
  | "sending"
  | "sent"
  | "cancelled"
  | "failed"
export type RecipientStatus = "queued" | "sent" | "failed" | "skipped"

/** Who receives a broadcast; always narrowed to customers opted in to the channel. */
export type BroadcastAudience =
  | { type: "all" }
  | { type: "customer_groups"; customer_group_ids: string[] }
  /** ISO-2 country codes, lower case. */
  | { type: "countries"; country_codes: string[] }
  /** Customers with an order placed at or after this ISO date-time. */
  | { type: "ordered_since"; ordered_since: string }

export type BroadcastCounts = {
  total: number
  queued: number
  sent: number
  failed: number
  skipped: number
}

export type Broadcast = {
  id: string
  name: string
  channel: BroadcastChannel
  subject: string | null
  /** Template with {{first_name}}, {{last_name}} and {{email}}. */
  body: string
  audience: BroadcastAudience
  scheduled_at: string | null
  status: BroadcastStatus
  started_at: string | null
  completed_at: string | null
  cancelled_at: string | null
  last_error: string | null
  created_by: string | null
  created_at: string
  updated_at: string
  counts: BroadcastCounts
}

export type BroadcastRecipient = {
  id: string
  customer_id: string
  address: string
  status: RecipientStatus
  provider_message_id: string | null
  attempts: number
  last_error: string | null
  sent_at: string | null
}

export type BroadcastInput = {
  name: string
  channel: BroadcastChannel
  /** Email only, and required there. */
  subject?: string
  body: string
  audience: BroadcastAudience
  scheduled_at?: string | null
}

export type BroadcastPreviewInput = Omit<BroadcastInput, "name"> & {
  name?: string
}

export type BroadcastPreview = {
  audience_size: number
  skipped_opted_out: number
  /** The message as a sample customer would get it. */
  rendered: RenderedMessage
}

export type RecipientsQuery = PageQuery & { status?: RecipientStatus }

type CustomerGroupOption = { id: string; name: string | null }

/** Statuses during which the server changes the broadcast on its own. */
export const ACTIVE_BROADCAST_STATUSES: BroadcastStatus[] = ["scheduled", "sending"]
const POLL_INTERVAL_MS = 2000

export const broadcastQueryKeys = {
  all: ["broadcasts"] as const,
  lists: () => [...broadcastQueryKeys.all, "list"] as const,
  list: (query: PageQuery) => [...broadcastQueryKeys.lists(), query] as const,
  details: () => [...broadcastQueryKeys.all, "detail"] as const,
  detail: (id: string) => [...broadcastQueryKeys.details(), id] as const,
  recipients: (id: string) => [...broadcastQueryKeys.detail(id), "recipients"] as const,
  recipientPage: (id: string, query: RecipientsQuery) => [...broadcastQueryKeys.recipients(id), query] as const,
  preview: (input: BroadcastPreviewInput | null) => [...broadcastQueryKeys.all, "preview", input] as const,
  customerGroups: () => [...broadcastQueryKeys.all, "customer-groups"] as const,
}

const isActive = (status: BroadcastStatus) => ACTIVE_BROADCAST_STATUSES.includes(status)

export function useBroadcasts(query: PageQuery) {
  return useQuery({
    queryKey: broadcastQueryKeys.list(query),
    queryFn: () =>
      sdk.client.fetch<PageInfo & { broadcasts: Broadcast[] }>("/admin/broadcasts", {
        query: { ...query, order: "-created_at" },
      }),
    placeholderData: keepPreviousData,
    // Keeps the list's progress column moving while something is being sent.
    refetchInterval: (q) => (q.state.data?.broadcasts.some((b) => isActive(b.status)) ? POLL_INTERVAL_MS : false),
  })
}

/** One broadcast, polled every 2 s while it is scheduled or sending. */
export function useBroadcast(id: string) {
  return useQuery({
    queryKey: broadcastQueryKeys.detail(id),
    queryFn: () => sdk.client.fetch<{ broadcast: Broadcast }>(`/admin/broadcasts/${id}`),
    select: (data) => data.broadcast,
    refetchInterval: (q) => (q.state.data && isActive(q.state.data.broadcast.status) ? POLL_INTERVAL_MS : false),
  })
}

export function useBroadcastRecipients(id: string, query: RecipientsQuery, options: { poll: boolean }) {
  return useQuery({
    queryKey: broadcastQueryKeys.recipientPage(id, query),
    queryFn: () =>
      sdk.client.fetch<PageInfo & { recipients: BroadcastRecipient[] }>(`/admin/broadcasts/${id}/recipients`, {
        query,
      }),
    placeholderData: keepPreviousData,
    refetchInterval: options.poll ? POLL_INTERVAL_MS : false,
  })
}

/** Audience size and the rendered sample; a `null` input means "not ready to ask". */
export function useBroadcastPreview(input: BroadcastPreviewInput | null) {
  return useQuery({
    queryKey: broadcastQueryKeys.preview(input),
    queryFn: () =>
      sdk.client.fetch<BroadcastPreview>("/admin/broadcasts/preview", { method: "POST", body: input ?? undefined }),
    enabled: input !== null,
    placeholderData: keepPreviousData,
    retry: false,
  })
}

export function useCustomerGroupOptions() {
  return useQuery({
    queryKey: broadcastQueryKeys.customerGroups(),
    queryFn: () =>
      sdk.client.fetch<{ customer_groups: CustomerGroupOption[] }>("/admin/customer-groups", {
        query: { limit: 100, fields: "id,name" },
      }),
    select: (data) => data.customer_groups,
  })
}

export function useCreateBroadcast() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: BroadcastInput) =>
      sdk.client.fetch<{ broadcast: Broadcast }>("/admin/broadcasts", { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: broadcastQueryKeys.lists() }),
  })
}

/** Send or cancel: a bodiless POST that returns the updated broadcast. */
function useBroadcastTransition(id: string, action: "send" | "cancel") {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () =>
      sdk.client.fetch<{ broadcast: Broadcast }>(`/admin/broadcasts/${id}/${action}`, { method: "POST" }),
    onSuccess: (data) => {
      queryClient.setQueryData(broadcastQueryKeys.detail(id), data)
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: broadcastQueryKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: broadcastQueryKeys.detail(id) }),
      ])
    },
  })
}

export function useSendBroadcast(id: string) {
  return useBroadcastTransition(id, "send")
}

export function useCancelBroadcast(id: string) {
  return useBroadcastTransition(id, "cancel")
}

/** Sends the rendered sample to the signed-in admin (email, or the phone on their account). */
export function useSendTestBroadcast(id: string) {
  return useMutation({
    mutationFn: () =>
      sdk.client.fetch<{ sent: boolean; to: string }>(`/admin/broadcasts/${id}/test`, { method: "POST" }),
  })
}
