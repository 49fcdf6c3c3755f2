import { z } from "@medusajs/framework/zod"

export const PostAdminCustomerImpersonate = z.object({}).strict()
export type PostAdminCustomerImpersonateType = z.infer<typeof PostAdminCustomerImpersonate>
