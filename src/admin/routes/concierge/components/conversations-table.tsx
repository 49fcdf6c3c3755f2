import { Table, Text, Tooltip } from "@medusajs/ui"
import { LinkRow, RowLink } from "../../../components/link-row"
import type { Conversation, StaffUser } from "../../../hooks/concierge"
import { formatDateTime } from "../../../lib/format"
import { ConversationStatusBadge, OverdueBadge, UnreadBadge } from "./conversation-badges"
import { assigneeLabel, formatRelative, formatTopic } from "./format"

type Props = {
  conversations: Conversation[]
  now: number
  currentUserId?: string
  staff?: StaffUser[]
}

/** One row per conversation, newest activity first; a row opens its thread. */
export const ConversationsTable = ({ conversations, now, currentUserId, staff }: Props) => (
  <Table>
    <Table.Header>
      <Table.Row>
        <Table.HeaderCell>Reference</Table.HeaderCell>
        <Table.HeaderCell>Customer</Table.HeaderCell>
        <Table.HeaderCell>Topic</Table.HeaderCell>
        <Table.HeaderCell>Last message</Table.HeaderCell>
        <Table.HeaderCell>Status</Table.HeaderCell>
        <Table.HeaderCell>Assignee</Table.HeaderCell>
      </Table.Row>
    </Table.Header>
    <Table.Body>
      {conversations.map((conversation) => {
        const unread = conversation.unread_count > 0
        return (
          <LinkRow key={conversation.id} to={`/concierge/${conversation.id}`}>
            <Table.Cell>
              <div className="flex items-center gap-x-2">
                {/* Always takes its space, so references line up whether or not a row is overdue. */}
                <span
                  className={`h-2 w-2 shrink-0 rounded-full ${conversation.overdue ? "bg-ui-tag-red-icon" : ""}`}
                  aria-hidden
                />
                <RowLink
                  to={`/concierge/${conversation.id}`}
                  className={`font-mono text-xs ${unread ? "font-semibold" : ""}`}
                >
                  {conversation.reference}
                </RowLink>
              </div>
            </Table.Cell>
            <Table.Cell className="max-w-[220px]">
              <div className="flex flex-col py-1">
                <Text size="small" weight={unread ? "plus" : "regular"} className="truncate">
                  {conversation.profile_name?.trim() || conversation.customer_phone}
                </Text>
                {conversation.profile_name?.trim() && (
                  <Text size="xsmall" className="text-ui-fg-subtle truncate">
                    {conversation.customer_phone}
                  </Text>
                )}
              </div>
            </Table.Cell>
            <Table.Cell className="max-w-[200px] truncate">{formatTopic(conversation.topic)}</Table.Cell>
            <Table.Cell>
              <div className="flex items-center gap-x-2 whitespace-nowrap">
                <Tooltip content={formatDateTime(conversation.last_message_at)}>
                  <span>{formatRelative(conversation.last_message_at, now)}</span>
                </Tooltip>
                <UnreadBadge count={conversation.unread_count} />
              </div>
            </Table.Cell>
            <Table.Cell>
              <div className="flex items-center gap-x-2">
                <ConversationStatusBadge status={conversation.status} />
                <OverdueBadge conversation={conversation} />
              </div>
            </Table.Cell>
            <Table.Cell className="max-w-[180px] truncate">
              <span className={conversation.assignee_id ? "" : "text-ui-fg-muted"}>
                {assigneeLabel(conversation.assignee_id, currentUserId, conversation.assignee ? [conversation.assignee] : staff)}
              </span>
            </Table.Cell>
          </LinkRow>
        )
      })}
    </Table.Body>
  </Table>
)
