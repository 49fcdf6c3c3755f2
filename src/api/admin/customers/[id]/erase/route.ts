import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { eraseCustomerDataWorkflow } from "../../../../../workflows/gdpr/erase-customer-data"
import { PostAdminCustomerEraseType } from "./validators"

/** Erases a customer's personal data; orders and payments are kept. Unknown id: 404. */
export const POST = async (req: AuthenticatedMedusaRequest<PostAdminCustomerEraseType>, res: MedusaResponse) => {
  const { result } = await eraseCustomerDataWorkflow(req.scope).run({ input: { customer_id: req.params.id } })
  res.json(result)
}
