import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendReplyWorkflow } from "../../../../../../workflows/concierge/send-reply"
import { retrieveConversationDetail } from "../../../helpers"
import { PostAdminConversationMessageType } from "../../../validators"

/**
 * A staff reply: `{ text }` inside the customer's 24-hour window (409 outside
 * it), or `{ template, language?, variables? }` at any time. 201 with the
 * message once WhatsApp accepted it; 502 with the failed message when it refused.
 */
export const POST = async (req: AuthenticatedMedusaRequest<PostAdminConversationMessageType>, res: MedusaResponse) => {
  const body = req.validatedBody
  const { result: message } = await sendReplyWorkflow(req.scope).run({
    input: {
      conversation_id: req.params.id,
      author_id: req.auth_context.actor_id,
      ...("template" in body
        ? { template: { name: body.template, language: body.language, variables: body.variables } }
        : { text: body.text }),
    },
  })
  const { conversation } = await retrieveConversationDetail(req.scope, req.params.id)
  if (message.status === "failed") {
    res.status(502).json({
      type: "bad_gateway",
      message: `WhatsApp did not accept the reply: ${message.error}`,
      concierge_message: message,
      conversation,
    })
    return
  }
  res.status(201).json({ concierge_message: message, conversation })
}
