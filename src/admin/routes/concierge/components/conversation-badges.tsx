import { Badge, StatusBadge, Tooltip } from "@medusajs/ui"
import type { Conversation, ConversationStatus } from "../../../hooks/concierge"
import { formatDateTime } from "../../../lib/format"
import { STATUS_HINTS, STATUS_LABELS } from "./format"

export const ConversationStatusBadge = ({ status }: { status: ConversationStatus }) => {
  const { label, color } = STATUS_LABELS[status] ?? { label: status, color: "grey" as const }
  return (
    <Tooltip content={STATUS_HINTS[status] ?? status}>
      <StatusBadge color={color}>{label}</StatusBadge>
    </Tooltip>
  )
}

/** Customer messages nobody has read yet. */
export const UnreadBadge = ({ count }: { count: number }) =>
  count > 0 ? (
    <Badge size="2xsmall" color="blue" rounded="full" aria-label={`${count} unread`}>
      {count > 99 ? "99+" : count} new
    </Badge>
  ) : null

/** Red while the first reply is late. */
export const OverdueBadge = ({
  conversation,
}: {
  conversation: Pick<Conversation, "overdue" | "first_response_due_at">
}) =>
  conversation.overdue ? (
    <Tooltip content={`A first reply was due ${formatDateTime(conversation.first_response_due_at)}`}>
      <Badge size="2xsmall" color="red">
        Overdue
      </Badge>
    </Tooltip>
  ) : null
