import { z } from "@medusajs/framework/zod"
import { createFindParams } from "@medusajs/medusa/api/utils/validators"
import { STAFF_ROLES } from "../../../modules/staff-access/models/staff-role"

export const GetAdminStaffParams = createFindParams({ limit: 50, offset: 0 }).extend({
  role: z.enum(STAFF_ROLES).optional(),
  id: z.union([z.string(), z.array(z.string())]).optional(),
}).strict()
export type GetAdminStaffParamsType = z.infer<typeof GetAdminStaffParams>

export const PostAdminStaffRole = z.object({ role: z.enum(STAFF_ROLES) }).strict()
export type PostAdminStaffRoleType = z.infer<typeof PostAdminStaffRole>
