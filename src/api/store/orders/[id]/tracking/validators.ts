import { z } from "@medusajs/framework/zod"

/** `token`: the signed token from the order's messages (`orderTrackingUrl`); anything else is refused. */
export const GetStoreOrderTrackingParams = z.object({ token: z.string().max(512).optional() }).strict()
export type GetStoreOrderTrackingParamsType = z.infer<typeof GetStoreOrderTrackingParams>
