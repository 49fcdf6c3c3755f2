import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createFxRateWorkflow } from "../../../workflows/fx/create-fx-rate"
import { fxRateFields } from "./query-config"
import { GetAdminFxRatesParamsType, PostAdminFxRateType } from "./validators"

export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, GetAdminFxRatesParamsType>,
  res: MedusaResponse
) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: fx_rates, metadata } = await query.graph({
    entity: "fx_rate",
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination: {
      ...req.queryConfig.pagination,
      order: req.queryConfig.pagination.order ?? { effective_at: "DESC" },
    },
  })
  res.json({
    fx_rates,
    count: metadata?.count ?? fx_rates.length,
    offset: metadata?.skip ?? 0,
    limit: metadata?.take ?? fx_rates.length,
  })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<PostAdminFxRateType>,
  res: MedusaResponse
) => {
  const { rate, effective_at, ...pair } = req.validatedBody
  const { result } = await createFxRateWorkflow(req.scope).run({
    input: {
      ...pair,
      rate: Number(rate),
      effective_at: effective_at ?? new Date(),
      created_by: req.auth_context.actor_id,
    },
  })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [fx_rate],
  } = await query.graph({ entity: "fx_rate", fields: fxRateFields, filters: { id: result.id } })
  res.status(201).json({ fx_rate })
}
