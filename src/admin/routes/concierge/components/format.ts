import type { Conversation, ConversationContext, ConversationStatus, StaffUser } from "../../../hooks/concierge"
import { formatDate } from "../../../lib/format"

export const STATUS_LABELS: Record<ConversationStatus, { label: string; color: "orange" | "blue" | "green" }> = {
  open: { label: "Open", color: "orange" },
  pending: { label: "Pending", color: "blue" },
  resolved: { label: "Resolved", color: "green" },
}

export const STATUS_HINTS: Record<ConversationStatus, string> = {
  open: "Waiting for staff",
  pending: "Staff replied; waiting for the customer",
  resolved: "Closed until the customer writes again",
}

/** "14:05": a message's time of day, without seconds (lib/format's `formatTime` shows them). */
export const formatTime = (value: string, locale?: string): string =>
  new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit" }).format(new Date(value))

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
]

/** "just now", "5 minutes ago", "in 2 hours", "3 days ago"; past a week, the date. */
export function formatRelative(value: string | null | undefined, now: number, locale?: string): string {
  if (!value) {
    return "-"
  }
  const diff = new Date(value).getTime() - now
  const abs = Math.abs(diff)
  if (abs < 60_000) {
    return "just now"
  }
  if (abs >= 7 * 86_400_000) {
    return formatDate(value, { locale })
  }
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: "auto" })
  const [unit, size] = UNITS.find(([, ms]) => abs >= ms) ?? UNITS[UNITS.length - 1]
  return rtf.format(Math.trunc(diff / size), unit)
}

/** A duration as "23 h 5 min", "12 min", "less than a minute". */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(ms / 60_000)
  if (minutes < 1) {
    return "less than a minute"
  }
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  if (!hours) {
    return `${rest} min`
  }
  return rest ? `${hours} h ${rest} min` : `${hours} h`
}

const fullName = (first: string | null | undefined, last: string | null | undefined): string =>
  [first, last].filter((part) => part && part.trim()).join(" ").trim()

/** A staff user by name, else email. */
export const staffName = (user: Pick<StaffUser, "email" | "first_name" | "last_name">): string =>
  fullName(user.first_name, user.last_name) || user.email

/** Who the assignee is, named from the users given (the list row's own assignee, or the staff list). */
export function assigneeLabel(
  assigneeId: string | null,
  currentUserId: string | undefined,
  staff: Pick<StaffUser, "id" | "email" | "first_name" | "last_name">[] | undefined
): string {
  if (!assigneeId) {
    return "Unassigned"
  }
  const user = staff?.find((candidate) => candidate.id === assigneeId)
  const name = user ? staffName(user) : null
  if (assigneeId === currentUserId) {
    return name ? `You (${name})` : "You"
  }
  return name ?? "Someone else"
}

/** The customer as staff should address them: account name, WhatsApp profile name, else the phone. */
export function customerLabel(
  conversation: Pick<Conversation, "profile_name" | "customer_phone">,
  customer?: ConversationContext["customer"]
): string {
  return (
    (customer ? fullName(customer.first_name, customer.last_name) : "") ||
    conversation.profile_name?.trim() ||
    conversation.customer_phone
  )
}

/** Topics are free text or slugs like `order_status`: "Order status". */
export const formatTopic = (topic: string | null | undefined): string => {
  const words = (topic ?? "").replace(/[_-]+/g, " ").trim()
  return words ? words[0].toUpperCase() + words.slice(1) : "-"
}

const localDay = (time: number): string => {
  const date = new Date(time)
  return `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`
}

/** A thread's day separator: "Today", "Yesterday", else the date (local time). */
export function formatDay(value: string, now: number, locale?: string): string {
  const time = new Date(value).getTime()
  if (localDay(time) === localDay(now)) {
    return "Today"
  }
  if (localDay(time) === localDay(now - 86_400_000)) {
    return "Yesterday"
  }
  return new Intl.DateTimeFormat(locale, { weekday: "short", day: "numeric", month: "short", year: "numeric" }).format(
    new Date(value)
  )
}

/** Items grouped by local day, in their order, each group labelled with `formatDay`. */
export function groupByDay<T>(items: T[], at: (item: T) => string, now: number, locale?: string) {
  const groups: { day: string; items: T[] }[] = []
  for (const item of items) {
    const day = formatDay(at(item), now, locale)
    const last = groups[groups.length - 1]
    if (last && last.day === day) {
      last.items.push(item)
    } else {
      groups.push({ day, items: [item] })
    }
  }
  return groups
}
