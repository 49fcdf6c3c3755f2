import { StatusBadge } from "@medusajs/ui"
import type { BroadcastStatus, RecipientStatus } from "../../../hooks/broadcasts"

type Color = "green" | "red" | "blue" | "orange" | "grey" | "purple"

const STATUS: Record<BroadcastStatus | RecipientStatus, { color: Color; label: string }> = {
  draft: { color: "grey", label: "Draft" },
  scheduled: { color: "purple", label: "Scheduled" },
  sending: { color: "orange", label: "Sending" },
  sent: { color: "green", label: "Sent" },
  cancelled: { color: "grey", label: "Cancelled" },
  failed: { color: "red", label: "Failed" },
  queued: { color: "blue", label: "Queued" },
  skipped: { color: "grey", label: "Skipped" },
}

export const BroadcastStatusBadge = ({ status }: { status: BroadcastStatus | RecipientStatus }) => {
  const { color, label } = STATUS[status] ?? { color: "grey", label: status }
  return <StatusBadge color={color}>{label}</StatusBadge>
}
