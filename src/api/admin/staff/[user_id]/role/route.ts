import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { setStaffRoleWorkflow } from "../../../../../workflows/staff-access/set-staff-role"
import { PostAdminStaffRoleType } from "../../validators"

export const POST = async (
  req: AuthenticatedMedusaRequest<PostAdminStaffRoleType>,
  res: MedusaResponse
) => {
  const { result } = await setStaffRoleWorkflow(req.scope).run({
    input: { user_id: req.params.user_id, role: req.validatedBody.role },
  })
  res.json({ staff_role: { user_id: result.user_id, role: result.role } })
}
