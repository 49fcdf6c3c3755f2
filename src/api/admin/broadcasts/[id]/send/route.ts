import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendBroadcastWorkflow } from "../../../../../workflows/broadcast/send-broadcast"
import { retrieveBroadcast } from "../../helpers"

export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await sendBroadcastWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ broadcast: await retrieveBroadcast(req.scope, req.params.id) })
}
