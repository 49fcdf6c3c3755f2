import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { issueState, newCode, OTP_TTL_MS } from "../../../modules/otp-auth/code"

export type IssueOtpStepInput = { email: string }

/** The code to send, or null when no admin user has this email. */
export type IssuedOtp = { email: string; code: string; expires_in_minutes: number } | null

export const issueOtpStepId = "issue-otp"

/**
 * For an existing admin user: gives the user an `otp` login (linked to the
 * user, like the emailpass one) if it has none, and stores the hash of a new
 * code in it, which replaces any earlier code.
 */
export const issueOtpStep = createStep(issueOtpStepId, async ({ email }: IssueOtpStepInput, { container }) => {
  const users = container.resolve(Modules.USER)
  const [user] = await users.listUsers({ email }, { take: 1 })
  if (!user) {
    return new StepResponse<IssuedOtp>(null)
  }
  const auth = container.resolve(Modules.AUTH)
  const code = newCode()
  const state = issueState(code)
  const [providerIdentity] = await auth.listProviderIdentities({ provider: "otp", entity_id: email })
  if (providerIdentity) {
    await auth.updateProviderIdentities({ id: providerIdentity.id, provider_metadata: state })
  } else {
    await auth.createAuthIdentities({
      provider_identities: [{ provider: "otp", entity_id: email, provider_metadata: state }],
      app_metadata: { user_id: user.id },
    })
  }
  return new StepResponse<IssuedOtp>({ email, code, expires_in_minutes: OTP_TTL_MS / 60_000 })
})
