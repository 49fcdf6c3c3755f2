import type { BroadcastAudience, BroadcastChannel, BroadcastCounts } from "../../../hooks/broadcasts"
import { formatDateTime } from "../../../lib/format"

export const CHANNEL_LABELS: Record<BroadcastChannel, string> = {
  email: "Email",
  sms: "SMS",
  whatsapp: "WhatsApp",
}

/** The channel inside a sentence: "goes out by email", "by SMS". */
export const CHANNEL_NAMES: Record<BroadcastChannel, string> = {
  email: "email",
  sms: "SMS",
  whatsapp: "WhatsApp",
}

export const describeAudience = (audience: BroadcastAudience, groupNames: Record<string, string> = {}): string => {
  switch (audience.type) {
    case "all":
      return "All opted-in customers"
    case "customer_groups":
      return `Customer groups: ${audience.customer_group_ids.map((id) => groupNames[id] ?? id).join(", ")}`
    case "countries":
      return `Countries: ${audience.country_codes.map((code) => code.toUpperCase()).join(", ")}`
    case "ordered_since":
      return `Ordered since ${formatDateTime(audience.ordered_since)}`
  }
}

/** Recipients the run is done with (sent, failed or skipped), as whole percent. */
export const progressPercent = (counts: BroadcastCounts): number => {
  if (!counts.total) {
    return 0
  }
  const done = counts.sent + counts.failed + counts.skipped
  return Math.min(100, Math.floor((done * 100) / counts.total))
}
