import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { env } from "../../../config"
import { STAFF_ACCESS_MODULE } from "../../../modules/staff-access"
import { StaffRoleName } from "../../../modules/staff-access/models/staff-role"
import StaffAccessModuleService from "../../../modules/staff-access/service"

export type AdminRecipients = {
  /** Emails of the users with one of the roles asked for, lower-cased and unique. */
  emails: string[]
  /** The staff WhatsApp number from ADMIN_ALERT_WHATSAPP_TO, or null when it is not set. */
  whatsapp: string | null
}

export const listAdminRecipientsStepId = "list-admin-recipients"

export type ListAdminRecipientsInput = {
  /** Whose alert it is; default admins. When nobody holds these roles, the admins get it instead. */
  roles?: StaffRoleName[]
}

/**
 * Who a staff alert goes to: admins unless other roles are named (the
 * concierge's escalations go to concierge staff). Never users without an
 * explicit role.
 */
export const listAdminRecipientsStep = createStep(
  listAdminRecipientsStepId,
  async ({ roles = ["admin"] }: ListAdminRecipientsInput, { container }) => {
    const staff = container.resolve<StaffAccessModuleService>(STAFF_ACCESS_MODULE)
    const emailsOf = async (wanted: StaffRoleName[]) => {
      const rows = await staff.listStaffRoles({ role: wanted }, { take: null })
      const userIds = rows.map((row) => row.user_id)
      const users = userIds.length
        ? await container.resolve(Modules.USER).listUsers({ id: userIds }, { take: null, order: { created_at: "ASC" } })
        : []
      return [...new Set(users.map((user) => user.email.trim().toLowerCase()).filter(Boolean))]
    }
    let emails = await emailsOf(roles)
    if (!emails.length && !roles.includes("admin")) {
      emails = await emailsOf(["admin"])
    }
    return new StepResponse<AdminRecipients>({ emails, whatsapp: env.ADMIN_ALERT_WHATSAPP_TO ?? null })
  }
)
