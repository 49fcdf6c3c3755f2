import type { ConversationListQuery, ConversationStatus } from "../../../hooks/concierge"

/** `active` is open + pending: what still needs someone. */
export type StatusFilter = "active" | ConversationStatus | "all"
export type AssigneeFilter = "all" | "me" | "none"

export type InboxFilters = {
  status: StatusFilter
  assignee: AssigneeFilter
  unread: boolean
  overdue: boolean
  q: string
  /** Zero-based. */
  page: number
}

export const STATUS_FILTERS: { value: StatusFilter; label: string }[] = [
  { value: "active", label: "Open & pending" },
  { value: "open", label: "Open" },
  { value: "pending", label: "Pending" },
  { value: "resolved", label: "Resolved" },
  { value: "all", label: "All" },
]

export const ASSIGNEE_FILTERS: { value: AssigneeFilter; label: string }[] = [
  { value: "all", label: "Everyone's" },
  { value: "me", label: "Mine" },
  { value: "none", label: "Unassigned" },
]

export const DEFAULT_INBOX_FILTERS: InboxFilters = {
  status: "active",
  assignee: "all",
  unread: false,
  overdue: false,
  q: "",
  page: 0,
}

/** The API takes at most 50 characters of search. */
export const SEARCH_MAX_LENGTH = 50

const oneOf = <T extends string>(value: string | null, allowed: readonly { value: T }[], fallback: T): T =>
  allowed.find((option) => option.value === value)?.value ?? fallback

/**
 * Filters from the page URL (`?status=open&assignee=me&unread=1&q=…&page=2`),
 * defaults for anything missing or unknown.
 */
export function parseInboxFilters(params: URLSearchParams): InboxFilters {
  const page = Number(params.get("page"))
  return {
    status: oneOf(params.get("status"), STATUS_FILTERS, DEFAULT_INBOX_FILTERS.status),
    assignee: oneOf(params.get("assignee"), ASSIGNEE_FILTERS, DEFAULT_INBOX_FILTERS.assignee),
    unread: params.get("unread") === "1",
    overdue: params.get("overdue") === "1",
    q: (params.get("q") ?? "").slice(0, SEARCH_MAX_LENGTH),
    // The URL shows pages from 1.
    page: Number.isInteger(page) && page > 1 ? page - 1 : 0,
  }
}

/** The URL for `filters`: only what differs from the defaults, so a plain inbox has a plain URL. */
export function inboxSearchParams(filters: InboxFilters): URLSearchParams {
  const params = new URLSearchParams()
  if (filters.status !== DEFAULT_INBOX_FILTERS.status) {
    params.set("status", filters.status)
  }
  if (filters.assignee !== DEFAULT_INBOX_FILTERS.assignee) {
    params.set("assignee", filters.assignee)
  }
  if (filters.unread) {
    params.set("unread", "1")
  }
  if (filters.overdue) {
    params.set("overdue", "1")
  }
  if (filters.q.trim()) {
    params.set("q", filters.q)
  }
  if (filters.page > 0) {
    params.set("page", String(filters.page + 1))
  }
  return params
}

/** A change to any filter starts again at the first page. */
export const withFilter = (filters: InboxFilters, patch: Partial<Omit<InboxFilters, "page">>): InboxFilters => ({
  ...filters,
  ...patch,
  page: 0,
})

/** The list endpoint's query for the filters; `false` filters are left out rather than sent as "only read ones". */
export function buildInboxQuery(filters: InboxFilters, pageSize: number): ConversationListQuery {
  const q = filters.q.trim().slice(0, SEARCH_MAX_LENGTH)
  return {
    ...(filters.status === "active"
      ? { status: ["open", "pending"] as ConversationStatus[] }
      : filters.status === "all"
        ? {}
        : { status: filters.status }),
    ...(filters.assignee === "all" ? {} : { assignee_id: filters.assignee }),
    ...(filters.unread ? { unread: true } : {}),
    ...(filters.overdue ? { overdue: true } : {}),
    ...(q ? { q } : {}),
    limit: pageSize,
    offset: filters.page * pageSize,
  }
}

/** Whether the filters differ from the default inbox (for the empty state's wording). */
export const isCustomFilter = (filters: InboxFilters): boolean =>
  inboxSearchParams({ ...filters, page: 0 }).toString() !== ""
