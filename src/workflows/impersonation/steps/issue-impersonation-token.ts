import { ContainerRegistrationKeys, generateJwtToken, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const IMPERSONATION_TTL_SECONDS = 15 * 60

export type IssueImpersonationTokenStepInput = { customer_id: string; user_id: string }

export const issueImpersonationTokenStepId = "issue-impersonation-token"

/**
 * A customer token that also names the staff user behind it
 * (`app_metadata.impersonated_by`), valid for 15 minutes. It has no auth
 * identity, so it cannot be used to change the customer's login.
 */
export const issueImpersonationTokenStep = createStep(
  issueImpersonationTokenStepId,
  async ({ customer_id, user_id }: IssueImpersonationTokenStepInput, { container }) => {
    const customers = container.resolve(Modules.CUSTOMER)
    const [customer] = await customers.listCustomers({ id: customer_id }, { take: 1 })
    if (!customer) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer ${customer_id} was not found`)
    }
    const { http } = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
    const token = generateJwtToken(
      {
        actor_id: customer.id,
        actor_type: "customer",
        auth_identity_id: "",
        app_metadata: { customer_id: customer.id, impersonated_by: user_id },
        user_metadata: {},
      },
      { secret: http.jwtSecret, expiresIn: IMPERSONATION_TTL_SECONDS, jwtOptions: http.jwtOptions }
    )
    const expiresAt = new Date(Date.now() + IMPERSONATION_TTL_SECONDS * 1000).toISOString()
    return new StepResponse({ token, customer_id: customer.id, impersonated_by: user_id, expires_at: expiresAt })
  }
)
