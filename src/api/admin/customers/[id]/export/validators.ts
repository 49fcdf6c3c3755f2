import { z } from "@medusajs/framework/zod"

/** The export takes no query parameters; unknown ones are refused. */
export const GetAdminCustomerExport = z.object({}).strict()
