import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { exportCustomerDataWorkflow } from "../../../../../workflows/gdpr/export-customer-data"

/** A customer's data, as a JSON download (e.g. to answer an access request). Unknown id: 404. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const customerId = req.params.id
  const { result } = await exportCustomerDataWorkflow(req.scope).run({ input: { customer_id: customerId } })
  res.setHeader("Content-Disposition", `attachment; filename="customer-${customerId}-export.json"`)
  res.json({ export: result })
}
