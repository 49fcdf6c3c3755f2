import { z } from "@medusajs/framework/zod"

export const StoreUnsubscribeParams = z.object({ token: z.string().min(1).max(512) }).strict()
export type StoreUnsubscribeParamsType = z.infer<typeof StoreUnsubscribeParams>

export const PostStoreUnsubscribe = z.object({}).strict()
