import { createFindParams, createOperatorMap } from "@medusajs/medusa/api/utils/validators"
import { z } from "@medusajs/framework/zod"
import { ADJUSTMENT_REASONS, LEDGER_SOURCES } from "../../../modules/inventory-ledger/models/inventory-adjustment"

const reason = z.enum(ADJUSTMENT_REASONS)
const source = z.enum(LEDGER_SOURCES)
const oneOrMany = z.union([z.string(), z.array(z.string())])

export const GetAdminInventoryAdjustmentsParams = createFindParams({ limit: 50, offset: 0 }).extend({
  inventory_item_id: oneOrMany.optional(),
  location_id: oneOrMany.optional(),
  reason: z.union([reason, z.array(reason)]).optional(),
  source: z.union([source, z.array(source)]).optional(),
  order_id: oneOrMany.optional(),
  reference_id: oneOrMany.optional(),
  actor_id: oneOrMany.optional(),
  created_at: createOperatorMap().optional(),
})
export type GetAdminInventoryAdjustmentsParamsType = z.infer<typeof GetAdminInventoryAdjustmentsParams>

export const PostAdminInventoryAdjustment = z
  .object({
    inventory_item_id: z.string().min(1),
    location_id: z.string().min(1),
    /** Units added (positive) or removed (negative). */
    delta: z
      .number()
      .int()
      .refine((value) => value !== 0, { message: "delta must not be 0" })
      .refine((value) => Math.abs(value) <= 1_000_000_000, { message: "delta is too large" }),
    reason,
    note: z.string().trim().max(1000).optional(),
  })
  .strict()
export type PostAdminInventoryAdjustmentType = z.infer<typeof PostAdminInventoryAdjustment>
