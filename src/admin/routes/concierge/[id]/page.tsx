import { Container, Heading, Text } from "@medusajs/ui"
import { useEffect, useRef } from "react"
import { LoaderFunctionArgs, UIMatch, useParams } from "react-router-dom"
import { PageError, PageLoading } from "../../../components/query-state"
import {
  ConversationResponse,
  useConversation,
  useCurrentUser,
  useMarkConversationRead,
  useStaffUsers,
} from "../../../hooks/concierge"
import { formatDateTime } from "../../../lib/format"
import { sdk } from "../../../lib/sdk"
import { ContextPanel } from "../components/context-panel"
import { ConversationStatusBadge, OverdueBadge } from "../components/conversation-badges"
import { customerLabel, formatTopic, staffName } from "../components/format"
import { HandlingPanel } from "../components/handling-panel"
import { ReplyBox } from "../components/reply-box"
import { Thread } from "../components/thread"
import { useNow } from "../components/use-now"

const Fact = ({ label, value, tone }: { label: string; value: string; tone?: "error" }) => (
  <div className="flex flex-col">
    <Text size="xsmall" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Text size="small" className={tone === "error" ? "text-ui-fg-error" : undefined}>
      {value}
    </Text>
  </div>
)

/** One conversation: the thread and reply box, with the customer's context and assignment beside it. */
const ConversationPage = () => {
  const { id = "" } = useParams()
  const { data, isLoading, isError, error } = useConversation(id)
  const { data: me } = useCurrentUser()
  const { data: staff } = useStaffUsers()
  const markRead = useMarkConversationRead(id)
  const now = useNow()

  // Opening the thread reads its new messages; so does a new one arriving while it is open.
  const unread = data?.conversation.unread_count ?? 0
  const markedFor = useRef<string | null>(null)
  const lastInbound = data?.conversation.last_inbound_at ?? ""
  useEffect(() => {
    const key = `${id}:${lastInbound}`
    if (unread > 0 && markedFor.current !== key) {
      markedFor.current = key
      markRead.mutate(undefined)
    }
  }, [id, unread, lastInbound, markRead])

  if (isLoading) {
    return <PageLoading />
  }
  if (isError || !data) {
    return (
      <PageError
        message={error?.message ?? "Conversation not found"}
        backTo="/concierge"
        backLabel="Back to the inbox"
      />
    )
  }

  const { conversation, context } = data
  const title = customerLabel(conversation, context.customer)
  const authorName = (authorId: string | null) => {
    if (!authorId) {
      return undefined
    }
    if (authorId === me?.id) {
      return "You"
    }
    const user =
      staff?.find((candidate) => candidate.id === authorId) ??
      (context.assignee?.id === authorId ? context.assignee : null)
    return user ? staffName(user) : "Staff"
  }
  const due = conversation.first_responded_at
    ? `Answered ${formatDateTime(conversation.first_responded_at)}`
    : conversation.status === "resolved"
      ? "Resolved without a reply"
      : `Due ${formatDateTime(conversation.first_response_due_at)}`

  return (
    <div className="grid grid-cols-1 gap-3 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <Container className="divide-y p-0">
        <div className="flex flex-col gap-y-3 px-6 py-4">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <div className="min-w-0">
              <Heading>{title}</Heading>
              <Text size="small" className="text-ui-fg-subtle">
                <span className="font-mono">{conversation.reference}</span>
                {title !== conversation.customer_phone && ` · ${conversation.customer_phone}`}
              </Text>
            </div>
            <div className="flex items-center gap-x-2">
              <OverdueBadge conversation={conversation} />
              <ConversationStatusBadge status={conversation.status} />
            </div>
          </div>
          <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            <Fact label="Topic" value={formatTopic(conversation.topic)} />
            <Fact label="Started" value={`${formatDateTime(conversation.created_at)}`} />
            <Fact label="Began on" value={conversation.origin === "storefront" ? "Store form" : "WhatsApp"} />
            <Fact label="First reply" value={due} tone={conversation.overdue ? "error" : undefined} />
          </div>
        </div>
        <Thread conversationId={conversation.id} messages={conversation.messages} now={now} authorName={authorName} />
        <ReplyBox conversation={conversation} now={now} />
      </Container>
      <div className="flex flex-col gap-y-3">
        <HandlingPanel conversation={conversation} assignee={context.assignee} me={me} staff={staff} />
        <ContextPanel conversation={conversation} context={context} />
      </div>
    </div>
  )
}

type LoaderData = Pick<ConversationResponse, "conversation"> | null

/** Only for the breadcrumb: the page reads the conversation through its query. */
export const loader = async ({ params }: LoaderFunctionArgs): Promise<LoaderData> => {
  try {
    return await sdk.client.fetch<ConversationResponse>(`/admin/concierge/conversations/${params.id}`)
  } catch {
    // The page shows the error; the breadcrumb falls back to a generic label.
    return null
  }
}

export const handle = {
  breadcrumb: (match: UIMatch<LoaderData>) => match.data?.conversation.reference ?? "Conversation",
}

export default ConversationPage
