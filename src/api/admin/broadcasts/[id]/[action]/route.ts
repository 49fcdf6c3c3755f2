import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { cancelBroadcastWorkflow } from "../../../../../workflows/broadcast/cancel-broadcast"
import { sendBroadcastWorkflow } from "../../../../../workflows/broadcast/send-broadcast"
import { sendTestBroadcastWorkflow } from "../../../../../workflows/broadcast/send-test-broadcast"
import { retrieveBroadcast } from "../../helpers"

/**
 * `POST /admin/broadcasts/:id/send|cancel|test`. One dynamic route rather than a
 * folder per action: `medusa build` leaves out every folder named `test`.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { id, action } = req.params
  switch (action) {
    case "send":
      await sendBroadcastWorkflow(req.scope).run({ input: { id } })
      res.json({ broadcast: await retrieveBroadcast(req.scope, id) })
      return
    case "cancel":
      await cancelBroadcastWorkflow(req.scope).run({ input: { id } })
      res.json({ broadcast: await retrieveBroadcast(req.scope, id) })
      return
    case "test": {
      const { result } = await sendTestBroadcastWorkflow(req.scope).run({
        input: { id, user_id: req.auth_context.actor_id },
      })
      res.json(result)
      return
    }
    default:
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Unknown broadcast action "${action}"`)
  }
}
