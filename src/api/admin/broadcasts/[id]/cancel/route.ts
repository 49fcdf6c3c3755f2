import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { cancelBroadcastWorkflow } from "../../../../../workflows/broadcast/cancel-broadcast"
import { retrieveBroadcast } from "../../helpers"

export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await cancelBroadcastWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ broadcast: await retrieveBroadcast(req.scope, req.params.id) })
}
