import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendTestBroadcastWorkflow } from "../../../../../workflows/broadcast/send-test-broadcast"

export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await sendTestBroadcastWorkflow(req.scope).run({
    input: { id: req.params.id, user_id: req.auth_context.actor_id },
  })
  res.json(result)
}
