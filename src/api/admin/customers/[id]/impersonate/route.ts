import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { impersonateCustomerWorkflow } from "../../../../../workflows/impersonation/impersonate-customer"
import { PostAdminCustomerImpersonateType } from "./validators"

export const POST = async (
  req: AuthenticatedMedusaRequest<PostAdminCustomerImpersonateType>,
  res: MedusaResponse
) => {
  const { result } = await impersonateCustomerWorkflow(req.scope).run({
    input: { customer_id: req.params.id, user_id: req.auth_context.actor_id },
  })
  res.status(201).json({ impersonation: result })
}
