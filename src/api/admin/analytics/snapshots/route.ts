import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ANALYTICS_SNAPSHOT_MODULE } from "../../../../modules/analytics-snapshot"
import AnalyticsSnapshotModuleService from "../../../../modules/analytics-snapshot/service"
import { computeAnalyticsSnapshotsWorkflow } from "../../../../workflows/analytics/compute-analytics-snapshots"
import { requestedRange } from "../helpers"
import { GetAdminAnalyticsSnapshotsParamsType, PostAdminAnalyticsSnapshotType } from "../validators"

/** Snapshots of `from`..`to` (both included), oldest first; one currency with `currency`. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, GetAdminAnalyticsSnapshotsParamsType>,
  res: MedusaResponse
) => {
  const { from, to } = requestedRange(req.validatedQuery)
  const snapshots = await req.scope
    .resolve<AnalyticsSnapshotModuleService>(ANALYTICS_SNAPSHOT_MODULE)
    .listSnapshotsInRange({ from, to, currency_code: req.validatedQuery.currency })
  res.json({ snapshots, count: snapshots.length, from, to })
}

/** Recomputes one finished store day (every currency) and returns its snapshots. */
export const POST = async (req: AuthenticatedMedusaRequest<PostAdminAnalyticsSnapshotType>, res: MedusaResponse) => {
  const { date } = req.validatedBody
  await computeAnalyticsSnapshotsWorkflow(req.scope).run({ input: { from: date, to: date } })
  const snapshots = await req.scope
    .resolve<AnalyticsSnapshotModuleService>(ANALYTICS_SNAPSHOT_MODULE)
    .listSnapshotsInRange({ from: date, to: date })
  res.json({ snapshots, count: snapshots.length })
}
