import type { ActivityChainReport, ActivityEvent } from "../hooks/activity"

/** One changed field of an event: before/after as recorded (an admin request records only `after`). */
export type ChangeEntry = {
  field: string
  before?: unknown
  after?: unknown
  hasBefore: boolean
  hasAfter: boolean
}

// Keys the admin-request recorder adds next to `changes`: shown as facts, not as changes.
const REQUEST_KEYS = new Set(["method", "route", "status_code", "changes"])

const isRecord = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === "object" && !Array.isArray(value)

/**
 * The fields an event changed, from `payload.changes`: `{ field: { before?, after } }`,
 * or `{ fields: [names] }` when the request body was too big to record (names only).
 */
export function changeEntries(payload: unknown): ChangeEntry[] {
  const changes = isRecord(payload) ? payload.changes : undefined
  if (!isRecord(changes)) {
    return []
  }
  const keys = Object.keys(changes)
  if (keys.length === 1 && Array.isArray(changes.fields)) {
    return changes.fields
      .filter((field): field is string => typeof field === "string")
      .map((field) => ({ field, hasBefore: false, hasAfter: false }))
  }
  return keys.map((field) => {
    const change = changes[field]
    if (!isRecord(change) || !("before" in change || "after" in change)) {
      // Not the recorder's shape: the value itself is what was set.
      return { field, after: change, hasBefore: false, hasAfter: true }
    }
    return {
      field,
      before: change.before,
      after: change.after,
      hasBefore: "before" in change,
      hasAfter: "after" in change,
    }
  })
}

/** Payload facts that are neither changes nor request bookkeeping (e.g. an order total). */
export function payloadDetails(payload: unknown): [string, unknown][] {
  return isRecord(payload) ? Object.entries(payload).filter(([key]) => !REQUEST_KEYS.has(key)) : []
}

/** The HTTP status an admin request ended with, when the event records one. */
export const statusCodeOf = (payload: unknown): number | null =>
  isRecord(payload) && typeof payload.status_code === "number" ? payload.status_code : null

/** A value on one line: text as is, `empty` for null/blank, JSON for the rest, cut to `max` characters. */
export function formatValue(value: unknown, max = 40): string {
  let text: string
  if (value === null || value === undefined || value === "") {
    text = "empty"
  } else if (typeof value === "string") {
    text = value
  } else if (typeof value === "number" || typeof value === "boolean") {
    text = String(value)
  } else {
    text = JSON.stringify(value) ?? String(value)
  }
  text = text.replace(/\s+/g, " ")
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

/**
 * One line saying what changed: `title: Old → New, status: published +2 more`,
 * or the payload's other facts when it records no changes; "" when there is nothing.
 */
export function summarizeChanges(payload: unknown, maxItems = 3): string {
  const changes = changeEntries(payload)
  const parts = changes.length
    ? changes.map((change) =>
        change.hasBefore
          ? `${change.field}: ${formatValue(change.before, 24)} → ${formatValue(change.after, 24)}`
          : change.hasAfter
            ? `${change.field}: ${formatValue(change.after, 40)}`
            : change.field
      )
    : payloadDetails(payload).map(([key, value]) => `${key}: ${formatValue(value, 40)}`)
  if (parts.length <= maxItems) {
    return parts.join(", ")
  }
  return `${parts.slice(0, maxItems).join(", ")} +${parts.length - maxItems} more`
}

/** An IP as people read it: IPv4 addresses seen through an IPv6 socket lose their `::ffff:` prefix. */
export const formatIp = (ip: string | null | undefined): string =>
  ip ? ip.replace(/^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i, "$1") : "-"

export const ACTOR_TYPE_LABELS: Record<ActivityEvent["actor_type"], string> = {
  user: "Staff",
  customer: "Customer",
  system: "System",
  webhook: "Webhook",
}

/**
 * Who did it: the staff member's email when known, else the id; `system` without
 * an id is just "System". `names` maps user ids to a display name.
 */
export function describeActor(
  event: Pick<ActivityEvent, "actor_type" | "actor_id" | "impersonator_id">,
  names: Record<string, string> = {}
): { name: string; detail: string } {
  const typeLabel = ACTOR_TYPE_LABELS[event.actor_type] ?? event.actor_type
  const name = event.actor_id ? names[event.actor_id] ?? event.actor_id : typeLabel
  const impersonator = event.impersonator_id ? names[event.impersonator_id] ?? event.impersonator_id : null
  return {
    name,
    detail: impersonator ? `${typeLabel}, impersonated by ${impersonator}` : event.actor_id ? typeLabel : "",
  }
}

// Dashboard pages of the resources an event can name; the others are shown as plain text.
const RESOURCE_PATHS: Record<string, (id: string) => string> = {
  product: (id) => `/products/${id}`,
  order: (id) => `/orders/${id}`,
  customer: (id) => `/customers/${id}`,
  inventory_item: (id) => `/inventory/${id}`,
  user: (id) => `/settings/users/${id}`,
  broadcast: (id) => `/broadcasts/${id}`,
  customer_group: (id) => `/customer-groups/${id}`,
  collection: (id) => `/collections/${id}`,
  promotion: (id) => `/promotions/${id}`,
  price_list: (id) => `/price-lists/${id}`,
}

/** The dashboard page of the event's resource, when there is one. */
export const resourcePath = (resourceType: string | null, resourceId: string | null): string | null =>
  resourceType && resourceId && RESOURCE_PATHS[resourceType] ? RESOURCE_PATHS[resourceType](resourceId) : null

const plural = (count: number, one: string, many: string) => `${count.toLocaleString()} ${count === 1 ? one : many}`

/** The verify result in words: a title and one sentence. */
export function describeChainReport(report: ActivityChainReport): { title: string; detail: string } {
  const broken = report.first_broken
  if (report.valid || !broken) {
    return {
      title: "Chain intact",
      detail: report.checked
        ? `${report.checked === 1 ? "The only event checks" : `All ${plural(report.checked, "event", "events")} check`} out, up to event #${report.last_seq}.`
        : "The log is empty.",
    }
  }
  const reason = broken.reason ? `${broken.reason.charAt(0).toUpperCase()}${broken.reason.slice(1)}.` : ""
  const before =
    report.checked === 0
      ? "It is the first event."
      : report.checked === 1
        ? "The event before it checks out."
        : `The ${plural(report.checked, "event", "events")} before it check out.`
  return { title: `Chain broken at event #${broken.seq}`, detail: [reason, `Event ${broken.id}.`, before].filter(Boolean).join(" ") }
}
