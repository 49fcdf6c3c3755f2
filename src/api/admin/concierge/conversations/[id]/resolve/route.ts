import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { resolveConversationWorkflow } from "../../../../../../workflows/concierge/resolve-conversation"
import { retrieveConversationDetail } from "../../../helpers"

export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await resolveConversationWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json(await retrieveConversationDetail(req.scope, req.params.id))
}
