import { renderTemplate } from "../../../lib/notifications/templates"
import { NotificationChannel, OutboundMessage } from "../../../lib/notifications/types"
import { unsubscribeUrl } from "../../../lib/notifications/links"
import { AudienceCustomer } from "./audience"

export type BroadcastContent = { channel: NotificationChannel; subject: string | null; body: string }

/** The broadcast as one customer receives it, with their own unsubscribe link. */
export function renderBroadcastFor(
  broadcast: BroadcastContent,
  customer: Pick<AudienceCustomer, "id" | "email" | "first_name" | "last_name">,
  to: string
): OutboundMessage {
  const unsubscribe = unsubscribeUrl(customer.id, broadcast.channel)
  const rendered = renderTemplate("broadcast", broadcast.channel, {
    subject: broadcast.subject ?? undefined,
    body: broadcast.body,
    customer: { first_name: customer.first_name, last_name: customer.last_name, email: customer.email },
    unsubscribe_url: unsubscribe,
  })
  return {
    ...rendered,
    to,
    headers:
      broadcast.channel === "email"
        ? { "List-Unsubscribe": `<${unsubscribe}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" }
        : undefined,
  }
}
