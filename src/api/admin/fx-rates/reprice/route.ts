import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { repriceDerivedPricesWorkflow } from "../../../../workflows/fx/reprice-derived-prices"

export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await repriceDerivedPricesWorkflow(req.scope).run()
  res.json({ reprice: result })
}
