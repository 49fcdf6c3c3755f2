import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CONSENT_MODULE } from "../../../../../modules/consent"
import ConsentModuleService from "../../../../../modules/consent/service"
import { recordConsentsWorkflow } from "../../../../../workflows/consent/record-consents"
import { PostStoreConsentsType } from "./validators"

const preferences = (req: AuthenticatedMedusaRequest) =>
  req.scope.resolve<ConsentModuleService>(CONSENT_MODULE).preferencesOf(req.auth_context.actor_id)

/** The customer's messaging choices: marketing and order updates, per channel. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ consents: await preferences(req) })
}

export const POST = async (req: AuthenticatedMedusaRequest<PostStoreConsentsType>, res: MedusaResponse) => {
  await recordConsentsWorkflow(req.scope).run({
    input: {
      choices: req.validatedBody.consents.map((choice) => ({
        ...choice,
        customer_id: req.auth_context.actor_id,
        source: "customer",
      })),
    },
  })
  res.json({ consents: await preferences(req) })
}
