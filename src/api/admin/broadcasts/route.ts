import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createBroadcastWorkflow } from "../../../workflows/broadcast/create-broadcast"
import { retrieveBroadcast, withCounts } from "./helpers"
import { GetAdminBroadcastsParamsType, PostAdminBroadcastType } from "./validators"

export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, GetAdminBroadcastsParamsType>,
  res: MedusaResponse
) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "broadcast",
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination: {
      ...req.queryConfig.pagination,
      order: req.queryConfig.pagination.order ?? { created_at: "DESC" },
    },
  })
  const broadcasts = await withCounts(req.scope, data)
  res.json({
    broadcasts,
    count: metadata?.count ?? broadcasts.length,
    offset: metadata?.skip ?? 0,
    limit: metadata?.take ?? broadcasts.length,
  })
}

export const POST = async (req: AuthenticatedMedusaRequest<PostAdminBroadcastType>, res: MedusaResponse) => {
  const { result } = await createBroadcastWorkflow(req.scope).run({
    input: { ...req.validatedBody, created_by: req.auth_context.actor_id },
  })
  res.status(201).json({ broadcast: await retrieveBroadcast(req.scope, result.id) })
}
