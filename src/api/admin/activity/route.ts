import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ACTIVITY_MODULE } from "../../../modules/activity"
import ActivityModuleService from "../../../modules/activity/service"
import { GetAdminActivityParamsType } from "./validators"

/** Newest first, with cursor pagination: pass `next_cursor` as `cursor` until it is null. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, GetAdminActivityParamsType>,
  res: MedusaResponse
) => {
  const { cursor, limit, ...filters } = req.validatedQuery
  const activity = req.scope.resolve<ActivityModuleService>(ACTIVITY_MODULE)
  // One extra row says whether another page exists.
  const rows = await activity.listEvents(filters, {
    limit: limit + 1,
    before_seq: cursor === undefined ? undefined : Number(cursor),
  })
  const events = rows.slice(0, limit)
  const next_cursor = rows.length > limit ? String(events[events.length - 1].seq) : null
  res.json({ events, next_cursor, limit })
}
