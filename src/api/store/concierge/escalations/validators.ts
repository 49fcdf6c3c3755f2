import { z } from "@medusajs/framework/zod"
import { toE164 } from "../../../../lib/phone"

const optionalId = z.string().trim().min(1).max(100).optional()

export const PostStoreEscalation = z
  .object({
    /** Any common spelling; Nigerian local numbers (`0803…`) need no country code. Stored as E.164. */
    phone: z
      .string()
      .trim()
      .min(1)
      .max(32)
      .transform((value, ctx) => {
        const e164 = toE164(value)
        if (!e164) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            message: "must be a valid phone number, e.g. 0803 123 4567 or +234 803 123 4567",
          })
          return z.NEVER
        }
        return e164
      }),
    message: z.string().trim().min(1).max(2000),
    topic: z.string().trim().min(1).max(100).optional(),
    cart_id: optionalId,
    order_id: optionalId,
  })
  .strict()
export type PostStoreEscalationType = z.infer<typeof PostStoreEscalation>
