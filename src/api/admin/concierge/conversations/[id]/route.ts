import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { retrieveConversationDetail } from "../../helpers"

/** One conversation with its messages and the customer's context (customer, cart, recent orders). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json(await retrieveConversationDetail(req.scope, req.params.id))
}
