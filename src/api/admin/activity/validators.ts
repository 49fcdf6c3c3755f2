import { z } from "@medusajs/framework/zod"
import { ACTOR_TYPES } from "../../../modules/activity/models/activity-event"

export const GetAdminActivityParams = z
  .object({
    actor_type: z.enum(ACTOR_TYPES).optional(),
    actor_id: z.string().min(1).optional(),
    resource_type: z.string().min(1).optional(),
    resource_id: z.string().min(1).optional(),
    action: z.string().min(1).optional(),
    // Inclusive start and exclusive end of `occurred_at`.
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
    // `next_cursor` from the previous page.
    cursor: z
      .string()
      .regex(/^\d+$/, "cursor must be a next_cursor returned by this route")
      .optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict()
export type GetAdminActivityParamsType = z.infer<typeof GetAdminActivityParams>
