import { createFindParams } from "@medusajs/medusa/api/utils/validators"
import { z } from "@medusajs/framework/zod"
import { NOTIFICATION_CHANNELS } from "../../../lib/notifications/types"
import { BROADCAST_STATUSES } from "../../../modules/broadcast/models/broadcast"
import { RECIPIENT_STATUSES } from "../../../modules/broadcast/models/broadcast-recipient"

const Audience = z.discriminatedUnion("type", [
  z.object({ type: z.literal("all") }).strict(),
  z.object({ type: z.literal("customer_groups"), customer_group_ids: z.array(z.string().min(1)).min(1).max(100) }).strict(),
  z
    .object({
      type: z.literal("countries"),
      country_codes: z
        .array(z.string().regex(/^[a-zA-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code").transform((c) => c.toLowerCase()))
        .min(1)
        .max(250),
    })
    .strict(),
  z
    .object({ type: z.literal("ordered_since"), ordered_since: z.coerce.date().transform((date) => date.toISOString()) })
    .strict(),
])

const content = {
  channel: z.enum(NOTIFICATION_CHANNELS),
  subject: z.string().trim().max(200).nullish(),
  body: z.string().trim().min(1).max(4000),
  audience: Audience,
}

export const PostAdminBroadcast = z
  .object({
    name: z.string().trim().min(1).max(200),
    ...content,
    scheduled_at: z.coerce.date().nullish(),
  })
  .strict()
export type PostAdminBroadcastType = z.infer<typeof PostAdminBroadcast>

export const PostAdminBroadcastPreview = z
  .object({ name: z.string().optional(), ...content, scheduled_at: z.coerce.date().nullish() })
  .strict()
export type PostAdminBroadcastPreviewType = z.infer<typeof PostAdminBroadcastPreview>

export const GetAdminBroadcastsParams = createFindParams({ limit: 20, offset: 0 }).extend({
  status: z.enum(BROADCAST_STATUSES).optional(),
  channel: z.enum(NOTIFICATION_CHANNELS).optional(),
}).strict()
export type GetAdminBroadcastsParamsType = z.infer<typeof GetAdminBroadcastsParams>

export const GetAdminBroadcastParams = z.object({}).strict()

export const GetAdminBroadcastRecipientsParams = createFindParams({ limit: 50, offset: 0 }).extend({
  status: z.enum(RECIPIENT_STATUSES).optional(),
}).strict()
export type GetAdminBroadcastRecipientsParamsType = z.infer<typeof GetAdminBroadcastRecipientsParams>

/** `send`, `cancel` and `test` take no body. */
export const PostAdminBroadcastAction = z.object({}).strict()
