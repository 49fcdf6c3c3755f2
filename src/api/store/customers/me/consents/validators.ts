import { z } from "@medusajs/framework/zod"
import { NOTIFICATION_CHANNELS } from "../../../../../lib/notifications/types"
import { CONSENT_PURPOSES } from "../../../../../modules/consent/models/customer-consent"

export const GetStoreConsentsParams = z.object({}).strict()

export const PostStoreConsents = z
  .object({
    consents: z
      .array(
        z
          .object({ channel: z.enum(NOTIFICATION_CHANNELS), purpose: z.enum(CONSENT_PURPOSES), granted: z.boolean() })
          .strict()
      )
      .min(1)
      .refine(
        (items) => !items.some((i) => i.channel === "email" && i.purpose === "order_updates"),
        "order updates by email are always sent (they confirm your purchase)"
      )
      .max(6)
      .refine(
        (items) => new Set(items.map((i) => `${i.channel}:${i.purpose}`)).size === items.length,
        "each channel and purpose may appear once"
      ),
  })
  .strict()
export type PostStoreConsentsType = z.infer<typeof PostStoreConsents>
