import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { exportCustomerDataWorkflow } from "../../../../../workflows/gdpr/export-customer-data"

/** The logged-in customer's data, as a JSON download. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const customerId = req.auth_context.actor_id
  const { result } = await exportCustomerDataWorkflow(req.scope).run({ input: { customer_id: customerId } })
  res.setHeader("Content-Disposition", `attachment; filename="customer-${customerId}-export.json"`)
  res.json({ export: result })
}
