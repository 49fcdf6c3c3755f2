import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { eraseCustomerDataWorkflow } from "../../../../../workflows/gdpr/erase-customer-data"
import { PostStoreCustomerEraseType } from "./validators"

/**
 * Erases the logged-in customer's personal data and ends a cookie session. A
 * bearer token cannot be revoked: until it expires it reads only the
 * anonymised record.
 */
export const POST = async (req: AuthenticatedMedusaRequest<PostStoreCustomerEraseType>, res: MedusaResponse) => {
  await eraseCustomerDataWorkflow(req.scope).run({ input: { customer_id: req.auth_context.actor_id } })
  if (req.session?.auth_context) {
    await new Promise<void>((resolve) => req.session.destroy(() => resolve()))
  }
  res.status(202).json({ erased: true })
}
