import { keepPreviousData, QueryKey, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useEffect } from "react"
import type { ActivityActorType, ActivityApiFilters } from "../lib/activity-filters"
import { sdk } from "../lib/sdk"

/** One row of the append-only activity log, as GET /admin/activity returns it. */
export type ActivityEvent = {
  id: string
  /** Position in the hash chain, 1, 2, 3… */
  seq: number
  actor_type: ActivityActorType
  actor_id: string | null
  /** The staff user acting as `actor_id` through an impersonation token. */
  impersonator_id: string | null
  action: string
  resource_type: string | null
  resource_id: string | null
  /** For updates `{ changes: { field: { before?, after } } }`; admin requests add method, route, status_code. */
  payload: Record<string, unknown> | null
  request_id: string | null
  ip: string | null
  user_agent: string | null
  occurred_at: string
  prev_hash: string
  hash: string
  created_at: string
}

type ActivityPage = { events: ActivityEvent[]; next_cursor: string | null; limit: number }

/** GET /admin/activity/verify: `first_broken` is null when the whole chain checks out. */
export type ActivityChainReport = {
  valid: boolean
  checked: number
  last_seq: number | null
  first_broken: { seq: number; id: string; reason: string } | null
}

type UserName = { id: string; email: string; first_name: string | null; last_name: string | null }

export const activityQueryKeys = {
  all: ["activity"] as const,
  lists: () => [...activityQueryKeys.all, "list"] as const,
  list: (filters: ActivityApiFilters, limit: number) => [...activityQueryKeys.lists(), { filters, limit }] as const,
  resource: (resourceType: string, resourceId: string, limit: number) =>
    [...activityQueryKeys.lists(), "resource", resourceType, resourceId, limit] as const,
  userNames: (ids: string[]) => [...activityQueryKeys.all, "user-names", ids] as const,
}

// The log is written just after an admin response is sent: refetch a moment later.
const RECORDING_DELAY_MS = 1000

const fetchActivityPage = (query: ActivityApiFilters & { limit: number; cursor?: string }) =>
  sdk.client.fetch<ActivityPage>("/admin/activity", { query })

/** Newest first; `fetchNextPage` follows the server's cursor until it is null. */
export function useActivity(filters: ActivityApiFilters, limit: number) {
  return useInfiniteQuery({
    queryKey: activityQueryKeys.list(filters, limit),
    queryFn: ({ pageParam }) =>
      fetchActivityPage({ ...filters, limit, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.next_cursor,
    placeholderData: keepPreviousData,
  })
}

/**
 * Refetches `queryKey` shortly after any mutation on the page settles, the
 * dashboard's own forms included (they share this query client but not our keys).
 */
function useRefetchAfterMutations(queryKey: QueryKey) {
  const queryClient = useQueryClient()
  const key = JSON.stringify(queryKey)
  useEffect(() => {
    const timers = new Set<ReturnType<typeof setTimeout>>()
    const unsubscribe = queryClient.getMutationCache().subscribe((event) => {
      const settled = event.type === "updated" && (event.action.type === "success" || event.action.type === "error")
      if (settled && event.mutation.options.mutationKey?.[0] !== activityQueryKeys.all[0]) {
        const timer = setTimeout(() => {
          timers.delete(timer)
          queryClient.invalidateQueries({ queryKey: JSON.parse(key) as QueryKey })
        }, RECORDING_DELAY_MS)
        timers.add(timer)
      }
    })
    return () => {
      unsubscribe()
      timers.forEach(clearTimeout)
    }
  }, [queryClient, key])
}

/** The latest events about one resource (a product, an order, a customer…), refreshed after edits on the page. */
export function useResourceActivity(resourceType: string, resourceId: string, limit: number) {
  const queryKey = activityQueryKeys.resource(resourceType, resourceId, limit)
  useRefetchAfterMutations(queryKey)
  return useQuery({
    queryKey,
    queryFn: () => fetchActivityPage({ resource_type: resourceType, resource_id: resourceId, limit }),
    enabled: !!resourceId,
  })
}

/**
 * Walks the whole chain on the server. A mutation rather than a query: it is an
 * explicit, possibly slow check the admin asks for, never run on page load.
 */
export function useVerifyActivityChain() {
  return useMutation({
    mutationKey: [...activityQueryKeys.all, "verify"],
    mutationFn: () => sdk.client.fetch<ActivityChainReport>("/admin/activity/verify"),
  })
}

/** Display names (name or email) of staff users by id; ids the caller may not read stay unnamed. */
export function useUserNames(ids: (string | null | undefined)[]) {
  const userIds = [...new Set(ids.filter((id): id is string => !!id && id.startsWith("user_")))].sort()
  return useQuery({
    queryKey: activityQueryKeys.userNames(userIds),
    queryFn: () =>
      sdk.client.fetch<{ users: UserName[] }>("/admin/users", {
        query: { id: userIds, limit: userIds.length, fields: "id,email,first_name,last_name" },
      }),
    select: (data): Record<string, string> =>
      Object.fromEntries(
        data.users.map((user) => [user.id, [user.first_name, user.last_name].filter(Boolean).join(" ") || user.email])
      ),
    enabled: userIds.length > 0,
    // Names change rarely; a role without access to users just keeps the ids.
    staleTime: 5 * 60_000,
    retry: false,
  })
}
