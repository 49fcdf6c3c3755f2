import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { env } from "../../config"
import { CONCIERGE_MODULE } from "../../modules/concierge"
import ConciergeModuleService from "../../modules/concierge/service"
import { WhatsAppCloudClient } from "../../modules/whatsapp/client"

export type ConciergeMedia = { mime_type: string; bytes: Buffer; filename: string | null }

/**
 * The image or document a customer sent in a conversation, fetched from the
 * Cloud API (WhatsApp keeps the file; we keep its id). 404 for a message of
 * another conversation or one without media; 409 when WhatsApp is not set up.
 */
export async function fetchConversationMedia(
  scope: MedusaContainer,
  conversationId: string,
  messageId: string
): Promise<ConciergeMedia> {
  const concierge = scope.resolve<ConciergeModuleService>(CONCIERGE_MODULE)
  const [message] = await concierge.listConciergeMessages(
    { id: messageId, conversation_id: conversationId },
    { select: ["id", "media_id", "media_filename"], take: 1 }
  )
  if (!message?.media_id) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Message ${messageId} of conversation ${conversationId} has no media`)
  }
  if (!env.WHATSAPP_ACCESS_TOKEN || !env.WHATSAPP_PHONE_NUMBER_ID) {
    throw new MedusaError(MedusaError.Types.CONFLICT, "WhatsApp is not configured (WHATSAPP_ACCESS_TOKEN), so media cannot be fetched")
  }
  const client = new WhatsAppCloudClient({
    accessToken: env.WHATSAPP_ACCESS_TOKEN,
    phoneNumberId: env.WHATSAPP_PHONE_NUMBER_ID,
    apiBase: env.WHATSAPP_API_BASE,
  })
  const media = await client.downloadMedia(message.media_id)
  return { ...media, filename: message.media_filename }
}
