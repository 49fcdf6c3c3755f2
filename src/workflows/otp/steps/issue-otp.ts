import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { issueState, newCode, OTP_TTL_MS } from "../../../modules/otp-auth/code"

export type IssueOtpStepInput = { email: string }

/** The code to send, or null when no admin user has this email. */
export type IssuedOtp = { email: string; code: string; expires_in_minutes: number } | null

export const issueOtpStepId = "issue-otp"

/**
 * For an existing admin user: stores the hash of a new code, which replaces
 * any earlier one, in the user's `otp` login. That login belongs to the same
 * auth identity as the user's password login, so the TOTP factors enrolled
 * there (`/auth/mfa`) are asked for after a code sign-in too.
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
  const logins = await auth.listProviderIdentities({ entity_id: email }, { relations: ["auth_identity"] })
  const otp = logins.find((login) => login.provider === "otp")
  const userLogin = logins.find(
    (login) => login.provider !== "otp" && login.auth_identity?.app_metadata?.user_id === user.id
  )
  const authIdentityId = userLogin?.auth_identity?.id
  if (otp && (!authIdentityId || otp.auth_identity?.id === authIdentityId)) {
    await auth.updateProviderIdentities({ id: otp.id, provider_metadata: state })
  } else if (authIdentityId) {
    if (otp) {
      // An otp login made on an identity of its own (before logins were shared) moves to the user's.
      await auth.deleteAuthIdentities([otp.auth_identity!.id])
    }
    await auth.createProviderIdentities([
      { auth_identity_id: authIdentityId, provider: "otp", entity_id: email, provider_metadata: state },
    ])
  } else {
    await auth.createAuthIdentities({
      provider_identities: [{ provider: "otp", entity_id: email, provider_metadata: state }],
      app_metadata: { user_id: user.id },
    })
  }
  return new StepResponse<IssuedOtp>({ email, code, expires_in_minutes: OTP_TTL_MS / 60_000 })
})
