import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { WHATSAPP_WEBHOOK_RECEIVED } from "../workflows/concierge/events"
import { processWhatsAppWebhookWorkflow } from "../workflows/concierge/process-whatsapp-webhook"

export default async function whatsAppWebhookReceivedHandler({ event, container }: SubscriberArgs<{ payload: unknown }>) {
  await processWhatsAppWebhookWorkflow(container).run({ input: { payload: event.data.payload } })
}

export const config: SubscriberConfig = {
  event: WHATSAPP_WEBHOOK_RECEIVED,
}
