import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { env } from "../../../config"
import { STAFF_ACCESS_MODULE } from "../../../modules/staff-access"
import StaffAccessModuleService from "../../../modules/staff-access/service"

export type AdminRecipients = {
  /** Emails of the users whose staff role is `admin`, lower-cased and unique. */
  emails: string[]
  /** The staff WhatsApp number from ADMIN_ALERT_WHATSAPP_TO, or null when it is not set. */
  whatsapp: string | null
}

export const listAdminRecipientsStepId = "list-admin-recipients"

/** Who staff alerts and the digest go to: admins only, never support or concierge users. */
export const listAdminRecipientsStep = createStep(listAdminRecipientsStepId, async (_: void, { container }) => {
  const staff = container.resolve<StaffAccessModuleService>(STAFF_ACCESS_MODULE)
  const roles = await staff.listStaffRoles({ role: "admin" }, { take: null })
  const userIds = roles.map((role) => role.user_id)
  const users = userIds.length
    ? await container.resolve(Modules.USER).listUsers({ id: userIds }, { take: null, order: { created_at: "ASC" } })
    : []
  const emails = [...new Set(users.map((user) => user.email.trim().toLowerCase()).filter(Boolean))]
  return new StepResponse<AdminRecipients>({ emails, whatsapp: env.ADMIN_ALERT_WHATSAPP_TO ?? null })
})
