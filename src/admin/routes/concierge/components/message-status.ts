import type { ConversationMessage, MessageType } from "../../../hooks/concierge"
import { formatDateTime } from "../../../lib/format"

/** How an outbound message's delivery shows: WhatsApp's ticks. */
export type Delivery =
  | { kind: "none" }
  | { kind: "queued"; label: string }
  | { kind: "sent"; label: string }
  | { kind: "delivered"; label: string }
  | { kind: "read"; label: string }
  | { kind: "failed"; label: string }

type DeliveryFields = "direction" | "status" | "error" | "sent_at" | "delivered_at" | "read_at" | "failed_at"

/** Inbound messages have no ticks; outbound ones: clock, one tick, two grey, two blue, or a failure with the error. */
export function deliveryOf(
  message: Pick<ConversationMessage, DeliveryFields>,
  locale?: string
): Delivery {
  if (message.direction === "inbound") {
    return { kind: "none" }
  }
  const at = (value: string | null) => (value ? ` ${formatDateTime(value, { locale })}` : "")
  switch (message.status) {
    case "queued":
      return { kind: "queued", label: "Waiting to be sent" }
    case "sent":
      return { kind: "sent", label: `Sent${at(message.sent_at)}` }
    case "delivered":
      return { kind: "delivered", label: `Delivered${at(message.delivered_at)}` }
    case "read":
      return { kind: "read", label: `Read${at(message.read_at)}` }
    case "failed":
      return {
        kind: "failed",
        label: `Not delivered${at(message.failed_at)}: ${message.error?.trim() || "WhatsApp gave no reason"}`,
      }
    default:
      return { kind: "none" }
  }
}

const TYPE_LABELS: Record<MessageType, string> = {
  text: "Text",
  image: "Image",
  document: "Document",
  template: "Template",
  unsupported: "Unsupported message",
}

/**
 * The label for an attachment the inbox cannot show inline: the media is on
 * WhatsApp's servers, so staff see what it is and its media id.
 * `null` for messages without one.
 */
export function attachmentLabel(
  message: Pick<ConversationMessage, "type" | "media_id" | "media_mime_type" | "media_filename">
): string | null {
  if (message.type !== "image" && message.type !== "document") {
    return null
  }
  const parts = [TYPE_LABELS[message.type], message.media_filename, message.media_mime_type].filter(
    (part): part is string => !!part && !!part.trim()
  )
  return parts.join(" · ")
}

/** A template as staff read it back: "order_follow_up (en)" and its numbered variables. */
export function templateSummary(template: ConversationMessage["template"]): {
  title: string
  variables: { placeholder: string; value: string }[]
} | null {
  if (!template) {
    return null
  }
  return {
    title: `${template.name} (${template.language})`,
    variables: (template.variables ?? []).map((value, index) => ({ placeholder: `{{${index + 1}}}`, value })),
  }
}

/** Where a message came from, for the line above its bubble. */
export function messageOrigin(message: Pick<ConversationMessage, "direction" | "channel">): string {
  if (message.direction === "outbound") {
    return "WhatsApp reply"
  }
  return message.channel === "storefront" ? "From the store form" : "WhatsApp"
}
