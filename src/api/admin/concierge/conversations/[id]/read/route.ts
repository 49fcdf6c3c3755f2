import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { markConversationReadWorkflow } from "../../../../../../workflows/concierge/mark-conversation-read"
import { retrieveConversationDetail } from "../../../helpers"

/** The dashboard calls this when staff open a conversation, so it leaves the unread filter. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await markConversationReadWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json(await retrieveConversationDetail(req.scope, req.params.id))
}
