import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { assignConversationWorkflow } from "../../../../../../workflows/concierge/assign-conversation"
import { retrieveConversationDetail } from "../../../helpers"
import { PostAdminConversationAssignType } from "../../../validators"

/** `{ user_id }` takes the conversation; `{ user_id: null }` hands it back to the team. */
export const POST = async (req: AuthenticatedMedusaRequest<PostAdminConversationAssignType>, res: MedusaResponse) => {
  await assignConversationWorkflow(req.scope).run({
    input: { id: req.params.id, user_id: req.validatedBody.user_id },
  })
  res.json(await retrieveConversationDetail(req.scope, req.params.id))
}
