import { DocumentText, Photo } from "@medusajs/icons"
import { Badge, Text, Tooltip } from "@medusajs/ui"
import type { ConversationMessage } from "../../../hooks/concierge"
import { formatDateTime } from "../../../lib/format"
import { DeliveryTicks } from "./delivery-ticks"
import { formatTime } from "./format"
import { attachmentLabel, templateSummary } from "./message-status"

type Props = { conversationId: string; message: ConversationMessage; authorName?: string }

/** Where the admin API serves a message's file, fetched from WhatsApp (same-origin session). */
const mediaUrl = (conversationId: string, messageId: string) =>
  `/admin/concierge/conversations/${conversationId}/messages/${messageId}/media`

const Attachment = ({ conversationId, message }: { conversationId: string; message: ConversationMessage }) => {
  const label = attachmentLabel(message)
  if (!label) {
    return null
  }
  const Icon = message.type === "image" ? Photo : DocumentText
  const url = message.media_id ? mediaUrl(conversationId, message.id) : null
  return (
    <div className="bg-ui-bg-base border-ui-border-base flex flex-col gap-y-1.5 rounded-md border px-2 py-1.5">
      {url && message.type === "image" && (
        <a href={url} target="_blank" rel="noreferrer">
          <img src={url} alt={label} loading="lazy" className="max-h-48 max-w-full rounded" />
        </a>
      )}
      <div className="flex items-start gap-x-2">
        <Icon className="text-ui-fg-subtle mt-0.5 shrink-0" />
        <div className="flex min-w-0 flex-col">
          <Text size="small" weight="plus" className="break-words">
            {url ? (
              <a href={url} target="_blank" rel="noreferrer" className="text-ui-fg-interactive hover:underline">
                {label}
              </a>
            ) : (
              label
            )}
          </Text>
          <Text size="xsmall" className="text-ui-fg-subtle break-all font-mono">
            media id {message.media_id ?? "unknown"}
          </Text>
        </div>
      </div>
    </div>
  )
}

const Template = ({ message }: { message: ConversationMessage }) => {
  const summary = templateSummary(message.template)
  if (!summary) {
    return null
  }
  return (
    <div className="flex flex-col gap-y-1">
      <div className="flex items-center gap-x-2">
        <Badge size="2xsmall" color="purple">
          Template
        </Badge>
        <Text size="small" weight="plus" className="break-all font-mono">
          {summary.title}
        </Text>
      </div>
      {summary.variables.length > 0 && (
        <dl className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5">
          {summary.variables.map((variable) => (
            <div key={variable.placeholder} className="contents">
              <dt className="txt-compact-xsmall text-ui-fg-subtle font-mono">{variable.placeholder}</dt>
              <dd className="txt-compact-small break-words">{variable.value}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  )
}

/** One message: the customer's on the left, ours on the right, with delivery ticks on ours. */
export const MessageBubble = ({ conversationId, message, authorName }: Props) => {
  const outbound = message.direction === "outbound"
  const fromStoreForm = !outbound && message.channel === "storefront"
  const failed = message.status === "failed"
  const bubble = outbound
    ? failed
      ? "bg-ui-tag-red-bg border-ui-tag-red-border"
      : "bg-ui-tag-green-bg border-ui-tag-green-border"
    : fromStoreForm
      ? "bg-ui-tag-orange-bg border-ui-tag-orange-border"
      : "bg-ui-bg-component border-ui-border-base"

  return (
    <div className={`flex ${outbound ? "justify-end" : "justify-start"}`}>
      <div className={`flex max-w-[80%] flex-col gap-y-1 ${outbound ? "items-end" : "items-start"}`}>
        {fromStoreForm && (
          <Badge size="2xsmall" color="orange">
            From the store form
          </Badge>
        )}
        {outbound && authorName && (
          <Text size="xsmall" className="text-ui-fg-muted">
            {authorName}
          </Text>
        )}
        <div className={`flex flex-col gap-y-2 rounded-lg border px-3 py-2 ${bubble}`}>
          {message.type === "template" && <Template message={message} />}
          <Attachment conversationId={conversationId} message={message} />
          {message.text && (
            <Text size="small" className="whitespace-pre-wrap break-words">
              {message.text}
            </Text>
          )}
          {message.type === "unsupported" && (
            <Text size="small" className="text-ui-fg-subtle italic">
              Stickers, locations, voice notes and the like are not shown here. Ask the customer to send text, a
              photo or a document.
            </Text>
          )}
        </div>
        <div className="text-ui-fg-muted flex items-center gap-x-1.5">
          <Tooltip content={formatDateTime(message.sent_at)}>
            <span className="txt-compact-xsmall cursor-default">{formatTime(message.sent_at)}</span>
          </Tooltip>
          <DeliveryTicks message={message} />
        </div>
        {failed && message.error && (
          <Text size="xsmall" className="text-ui-fg-error max-w-full break-words text-right">
            {message.error}
          </Text>
        )}
      </div>
    </div>
  )
}
