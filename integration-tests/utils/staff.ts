import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows"
import { StaffRoleName } from "../../src/modules/staff-access/models/staff-role"
import { setStaffRoleWorkflow } from "../../src/workflows/staff-access/set-staff-role"

export const STAFF_PASSWORD = "staff-password-123"

/** A user with an email+password login and the given staff role. */
export async function createStaffUser(container: MedusaContainer, email: string, role: StaffRoleName) {
  const auth = container.resolve(Modules.AUTH)
  const { authIdentity } = await auth.register("emailpass", { body: { email, password: STAFF_PASSWORD } })
  const { result: user } = await createUserAccountWorkflow(container).run({
    input: { authIdentityId: authIdentity!.id, userData: { email } },
  })
  await setStaffRoleWorkflow(container).run({ input: { user_id: user.id, role } })
  return user
}

type Api = { post: (url: string, body?: unknown) => Promise<{ data: { token: string } }> }

export async function staffHeaders(api: Api, email: string) {
  const { data } = await api.post("/auth/user/emailpass", { email, password: STAFF_PASSWORD })
  return { headers: { authorization: `Bearer ${data.token}` } }
}
