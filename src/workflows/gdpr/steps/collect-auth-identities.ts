import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type CollectAuthIdentitiesStepInput = { customer_id: string }

export const collectAuthIdentitiesStepId = "collect-auth-identities"

/**
 * How the customer logs in: provider and the id they log in with. Password
 * hashes (`provider_metadata`) and `user_metadata` are left out.
 */
export const collectAuthIdentitiesStep = createStep(
  collectAuthIdentitiesStepId,
  async ({ customer_id }: CollectAuthIdentitiesStepInput, { container }) => {
    const auth = container.resolve(Modules.AUTH)
    const found = await auth.listAuthIdentities(
      { app_metadata: { customer_id } },
      { relations: ["provider_identities"], take: null }
    )
    const identities = found.map((identity) => ({
      id: identity.id,
      providers: (identity.provider_identities ?? []).map(({ provider, entity_id }) => ({ provider, entity_id })),
    }))
    return new StepResponse(identities)
  }
)
