import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { whatsAppChatUrl } from "../../../../lib/concierge/whatsapp-url"
import { env } from "../../../../config"
import { createEscalationWorkflow } from "../../../../workflows/concierge/create-escalation"
import { PostStoreEscalationType } from "./validators"

/**
 * A customer asks for a person. Answers the conversation's reference and a
 * wa.me link that opens WhatsApp with the reference typed in, so the chat that
 * follows joins this conversation.
 */
export const POST = async (req: AuthenticatedMedusaRequest<PostStoreEscalationType>, res: MedusaResponse) => {
  const { result } = await createEscalationWorkflow(req.scope).run({
    input: { ...req.validatedBody, customer_id: req.auth_context?.actor_id || null },
  })
  res.status(201).json({
    conversation: { id: result.id, reference: result.reference, status: "open" },
    whatsapp_url: env.WHATSAPP_BUSINESS_NUMBER
      ? whatsAppChatUrl(env.WHATSAPP_BUSINESS_NUMBER, `Hello, I need help. My reference is ${result.reference}.`)
      : null,
  })
}
