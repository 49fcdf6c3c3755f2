import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { retrieveBroadcast } from "../../helpers"
import { GetAdminBroadcastRecipientsParamsType } from "../../validators"

export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, GetAdminBroadcastRecipientsParamsType>,
  res: MedusaResponse
) => {
  await retrieveBroadcast(req.scope, req.params.id)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: recipients, metadata } = await query.graph({
    entity: "broadcast_recipient",
    fields: req.queryConfig.fields,
    filters: { ...req.filterableFields, broadcast_id: req.params.id },
    pagination: { ...req.queryConfig.pagination, order: req.queryConfig.pagination.order ?? { id: "ASC" } },
  })
  res.json({
    recipients,
    count: metadata?.count ?? recipients.length,
    offset: metadata?.skip ?? 0,
    limit: metadata?.take ?? recipients.length,
  })
}
