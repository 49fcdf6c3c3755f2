import { createFindParams } from "@medusajs/medusa/api/utils/validators"
import { z } from "@medusajs/framework/zod"

export const GetAdminLowStockParams = createFindParams({ limit: 50, offset: 0 }).strict()
export type GetAdminLowStockParamsType = z.infer<typeof GetAdminLowStockParams>
