import { Text } from "@medusajs/ui"
import { useEffect, useMemo, useRef } from "react"
import type { ConversationMessage } from "../../../hooks/concierge"
import { groupByDay } from "./format"
import { MessageBubble } from "./message-bubble"

type Props = {
  conversationId: string
  messages: ConversationMessage[]
  now: number
  /** A staff author's display name, when known. */
  authorName: (authorId: string | null) => string | undefined
}

/** The messages oldest first, by day; keeps the newest in view as messages arrive. */
export const Thread = ({ conversationId, messages, now, authorName }: Props) => {
  const scroller = useRef<HTMLDivElement>(null)
  const groups = useMemo(() => groupByDay(messages, (message) => message.sent_at, now), [messages, now])
  const newest = messages[messages.length - 1]?.id

  useEffect(() => {
    const element = scroller.current
    if (element) {
      element.scrollTop = element.scrollHeight
    }
  }, [newest])

  if (!messages.length) {
    return (
      <Text size="small" className="text-ui-fg-subtle px-6 py-10 text-center">
        No messages yet.
      </Text>
    )
  }

  return (
    <div
      ref={scroller}
      className="bg-ui-bg-subtle flex max-h-[60vh] min-h-[240px] flex-col gap-y-3 overflow-y-auto px-6 py-4"
    >
      {groups.map((group) => (
        <div key={group.day} className="flex flex-col gap-y-3">
          <div className="flex justify-center">
            <Text
              size="xsmall"
              className="bg-ui-bg-base text-ui-fg-subtle shadow-borders-base rounded-full px-2 py-0.5"
            >
              {group.day}
            </Text>
          </div>
          {group.items.map((message) => (
            <MessageBubble
              key={message.id}
              conversationId={conversationId}
              message={message}
              authorName={authorName(message.author_id)}
            />
          ))}
        </div>
      ))}
    </div>
  )
}
