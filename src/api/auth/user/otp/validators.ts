import { z } from "@medusajs/framework/zod"

export const PostUserOtp = z
  .object({
    email: z.string().trim().toLowerCase().email(),
    code: z.string().regex(/^\d{6}$/, "code must be 6 digits").optional(),
  })
  .strict()
export type PostUserOtpType = z.infer<typeof PostUserOtp>
