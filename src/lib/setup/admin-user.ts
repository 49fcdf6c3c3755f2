import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows"
import { randomBytes } from "node:crypto"
import { STAFF_ACCESS_MODULE } from "../../modules/staff-access"
import StaffAccessModuleService from "../../modules/staff-access/service"
import { setStaffRoleWorkflow } from "../../workflows/staff-access/set-staff-role"

export const DEFAULT_ADMIN_EMAIL = "admin@store.local"

export type AdminUserResult =
  | { created: false; email: string }
  | { created: true; email: string; generated_password?: string }

/**
 * The first admin: ADMIN_EMAIL/ADMIN_PASSWORD when given, else (only while the
 * store has no user at all) admin@store.local with a generated password that
 * the caller prints once. The first admin always holds the `admin` staff role;
 * without ADMIN_EMAIL, a store whose users predate staff roles gets its oldest
 * user as admin, so someone can still manage staff.
 */
export async function ensureAdminUser(
  container: MedusaContainer,
  { email, password }: { email?: string; password?: string }
): Promise<AdminUserResult> {
  const users = container.resolve(Modules.USER)
  const target = email ?? DEFAULT_ADMIN_EMAIL
  const [existing] = await users.listUsers({ email: target })
  if (existing) {
    await setStaffRoleWorkflow(container).run({ input: { user_id: existing.id, role: "admin" } })
    return { created: false, email: existing.email }
  }
  const [oldest] = email ? [] : await users.listUsers({}, { take: 1, order: { created_at: "ASC" } })
  if (oldest) {
    // Users made before staff roles existed (e.g. with `medusa user`): keep one admin.
    const staff = container.resolve<StaffAccessModuleService>(STAFF_ACCESS_MODULE)
    const [anyAdmin] = await staff.listStaffRoles({ role: "admin" }, { take: 1 })
    if (!anyAdmin) {
      await setStaffRoleWorkflow(container).run({ input: { user_id: oldest.id, role: "admin" } })
    }
    return { created: false, email: oldest.email }
  }
  const secret = password ?? randomBytes(12).toString("base64url")
  const auth = container.resolve(Modules.AUTH)
  const { authIdentity, error } = await auth.register("emailpass", {
    body: { email: target, password: secret },
  })
  if (error || !authIdentity) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Could not create the admin login: ${error}`)
  }
  const { result: user } = await createUserAccountWorkflow(container).run({
    input: { authIdentityId: authIdentity.id, userData: { email: target } },
  })
  await setStaffRoleWorkflow(container).run({ input: { user_id: user.id, role: "admin" } })
  return { created: true, email: target, generated_password: password ? undefined : secret }
}
