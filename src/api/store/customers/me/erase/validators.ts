import { z } from "@medusajs/framework/zod"

/** An erase takes no options: the body is `{}` and any field is a 400. */
export const PostStoreCustomerErase = z.object({}).strict()
export type PostStoreCustomerEraseType = z.infer<typeof PostStoreCustomerErase>
