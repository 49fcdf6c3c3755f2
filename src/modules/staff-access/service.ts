import { MedusaService } from "@medusajs/framework/utils"
import { ImpersonationRequest } from "./models/impersonation-request"
import { StaffRole, StaffRoleName } from "./models/staff-role"

export const DEFAULT_STAFF_ROLE: StaffRoleName = "support"

class StaffAccessModuleService extends MedusaService({ StaffRole, ImpersonationRequest }) {
  async getRoleOf(userId: string): Promise<StaffRoleName> {
    const [row] = await this.listStaffRoles({ user_id: userId }, { take: 1 })
    return (row?.role as StaffRoleName | undefined) ?? DEFAULT_STAFF_ROLE
  }
}

export default StaffAccessModuleService
