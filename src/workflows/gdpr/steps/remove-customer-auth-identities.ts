import { AuthIdentityDTO, CreateAuthIdentityDTO } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type RemoveCustomerAuthIdentitiesStepInput = { customer_id: string }

type Previous = {
  deleted: CreateAuthIdentityDTO[]
  detached: { id: string; app_metadata: Record<string, unknown> }[]
}

/** True when the identity also logs in another actor (e.g. the same email is a staff user). */
const servesOtherActors = (identity: AuthIdentityDTO) =>
  Object.entries(identity.app_metadata ?? {}).some(([key, value]) => key !== "customer_id" && value != null)

const restorable = (identity: AuthIdentityDTO): CreateAuthIdentityDTO => ({
  id: identity.id,
  app_metadata: identity.app_metadata ?? undefined,
  provider_identities: (identity.provider_identities ?? []).map((p) => ({
    id: p.id,
    provider: p.provider,
    entity_id: p.entity_id,
    provider_metadata: p.provider_metadata ?? undefined,
    user_metadata: p.user_metadata ?? undefined,
  })),
})

export const removeCustomerAuthIdentitiesStepId = "remove-customer-auth-identities"

/**
 * Deletes the customer's auth identities with their provider identities (login
 * email, password hash), so the old credentials no longer log in. An identity
 * that also serves another actor type only loses its `customer_id`, as Medusa's
 * removeCustomerAccountWorkflow does. The compensation re-creates what was
 * deleted, and only while this workflow is still running.
 */
export const removeCustomerAuthIdentitiesStep = createStep(
  removeCustomerAuthIdentitiesStepId,
  async ({ customer_id }: RemoveCustomerAuthIdentitiesStepInput, { container }) => {
    const auth = container.resolve(Modules.AUTH)
    const identities = await auth.listAuthIdentities(
      { app_metadata: { customer_id } },
      { relations: ["provider_identities"], take: null }
    )
    const previous: Previous = { deleted: [], detached: [] }
    for (const identity of identities) {
      if (servesOtherActors(identity)) {
        previous.detached.push({ id: identity.id, app_metadata: identity.app_metadata ?? {} })
      } else {
        previous.deleted.push(restorable(identity))
      }
    }
    if (previous.detached.length) {
      await auth.updateAuthIdentities(
        previous.detached.map(({ id, app_metadata }) => ({ id, app_metadata: { ...app_metadata, customer_id: null } }))
      )
    }
    if (previous.deleted.length) {
      await auth.deleteAuthIdentities(previous.deleted.map(({ id }) => id).filter((id): id is string => !!id))
    }
    return new StepResponse({ deleted: previous.deleted.length, detached: previous.detached.length }, previous)
  },
  async (previous, { container }) => {
    const auth = container.resolve(Modules.AUTH)
    if (previous?.deleted.length) {
      await auth.createAuthIdentities(previous.deleted)
    }
    if (previous?.detached.length) {
      await auth.updateAuthIdentities(previous.detached)
    }
  }
)
