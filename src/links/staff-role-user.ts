import { defineLink } from "@medusajs/framework/utils"
import UserModule from "@medusajs/medusa/user"
import StaffAccessModule from "../modules/staff-access"

/** `staff_role.user_id` points at Medusa's user; read-only, so no link table. */
export default defineLink(
  { linkable: StaffAccessModule.linkable.staffRole, field: "user_id" },
  UserModule.linkable.user,
  { readOnly: true }
)
