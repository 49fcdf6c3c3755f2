import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ACTIVITY_MODULE } from "../../../../modules/activity"
import ActivityModuleService from "../../../../modules/activity/service"

/** Recomputes the hash chain from the first row and reports the first broken link. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const activity = req.scope.resolve<ActivityModuleService>(ACTIVITY_MODULE)
  res.json(await activity.verifyChain())
}
