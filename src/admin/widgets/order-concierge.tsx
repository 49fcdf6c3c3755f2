import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { useConversations } from "../hooks/concierge"
import { formatDateTime } from "../lib/format"
import { ConversationStatusBadge, OverdueBadge, UnreadBadge } from "../routes/concierge/components/conversation-badges"
import { formatRelative, formatTopic } from "../routes/concierge/components/format"
import { useNow } from "../routes/concierge/components/use-now"

const LIMIT = 10

/** The order's concierge conversations, newest activity first; nothing at all when it has none. */
const OrderConciergeWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { data, isError, error } = useConversations({ order_id: order.id, limit: LIMIT, offset: 0 })
  const now = useNow()

  if (isError) {
    return (
      <Container className="flex flex-col gap-y-2 px-6 py-4">
        <Heading level="h2">Concierge</Heading>
        <Text size="small" className="text-ui-fg-error">
          {error.message}
        </Text>
      </Container>
    )
  }
  // Loading, or no conversation about this order: keep the sidebar quiet.
  if (!data?.count) {
    return null
  }

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Concierge</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {data.count} conversation{data.count === 1 ? "" : "s"}
        </Text>
      </div>
      {data.conversations.map((conversation) => (
        <Link
          key={conversation.id}
          to={`/concierge/${conversation.id}`}
          className={
            "hover:bg-ui-bg-base-hover focus-visible:bg-ui-bg-base-hover flex flex-col gap-y-1 px-6 py-3 outline-none"
          }
        >
          <div className="flex items-center justify-between gap-x-2">
            <Text size="small" weight="plus" className="font-mono">
              {conversation.reference}
            </Text>
            <div className="flex items-center gap-x-1.5">
              <UnreadBadge count={conversation.unread_count} />
              <OverdueBadge conversation={conversation} />
              <ConversationStatusBadge status={conversation.status} />
            </div>
          </div>
          <div className="flex items-center justify-between gap-x-2">
            <Text size="xsmall" className="text-ui-fg-subtle truncate">
              {formatTopic(conversation.topic)} · {conversation.profile_name?.trim() || conversation.customer_phone}
            </Text>
            <Text
              size="xsmall"
              className="text-ui-fg-subtle shrink-0"
              title={formatDateTime(conversation.last_message_at)}
            >
              {formatRelative(conversation.last_message_at, now)}
            </Text>
          </div>
        </Link>
      ))}
      {data.count > LIMIT && (
        <Text size="xsmall" className="text-ui-fg-subtle px-6 py-3">
          Showing the {LIMIT} most recent.
        </Text>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.side.after",
})

export default OrderConciergeWidget
