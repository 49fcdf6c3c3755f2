import { MedusaService } from "@medusajs/framework/utils"
import { ImpersonationRequest } from "./models/impersonation-request"
import { StaffRole, StaffRoleName } from "./models/staff-role"

/** The role an invite gives when it names none. */
export const DEFAULT_INVITE_ROLE: StaffRoleName = "support"
/**
 * The role of a user with no role row yet (e.g. an invited user before the
 * invited-role subscriber has run, or one made with `medusa user`): the least
 * privileged, so a missing row never grants more than was chosen.
 */
export const UNASSIGNED_STAFF_ROLE: StaffRoleName = "concierge"

class StaffAccessModuleService extends MedusaService({ StaffRole, ImpersonationRequest }) {
  async getRoleOf(userId: string): Promise<StaffRoleName> {
    const [row] = await this.listStaffRoles({ user_id: userId }, { take: 1 })
    return (row?.role as StaffRoleName | undefined) ?? UNASSIGNED_STAFF_ROLE
  }
}

export default StaffAccessModuleService
