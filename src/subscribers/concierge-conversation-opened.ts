import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { alertConversationOpenedWorkflow } from "../workflows/concierge/alert-conversation-opened"
import { CONVERSATION_OPENED } from "../workflows/concierge/events"

export default async function conciergeConversationOpenedHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  await alertConversationOpenedWorkflow(container).run({ input: { id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: CONVERSATION_OPENED,
}
