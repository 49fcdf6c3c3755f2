import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { adjustInventoryWorkflow } from "../../../workflows/inventory-ledger/adjust-inventory"
import { GetAdminInventoryAdjustmentsParamsType, PostAdminInventoryAdjustmentType } from "./validators"

export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, GetAdminInventoryAdjustmentsParamsType>,
  res: MedusaResponse
) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: inventory_adjustments, metadata } = await query.graph({
    entity: "inventory_adjustment",
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination: {
      ...req.queryConfig.pagination,
      order: req.queryConfig.pagination.order ?? { created_at: "DESC", id: "DESC" },
    },
  })
  res.json({
    inventory_adjustments,
    count: metadata?.count ?? inventory_adjustments.length,
    offset: metadata?.skip ?? 0,
    limit: metadata?.take ?? inventory_adjustments.length,
  })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<PostAdminInventoryAdjustmentType>,
  res: MedusaResponse
) => {
  const { result } = await adjustInventoryWorkflow(req.scope).run({
    input: {
      ...req.validatedBody,
      actor_type: "user",
      actor_id: req.auth_context.actor_id,
    },
  })
  res.status(201).json({ inventory_adjustment: result.adjustment, low_stock: result.low_stock })
}
