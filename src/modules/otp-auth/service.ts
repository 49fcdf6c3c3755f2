import {
  AuthenticationInput,
  AuthenticationResponse,
  AuthIdentityProviderService,
} from "@medusajs/framework/types"
import { AbstractAuthModuleProvider } from "@medusajs/framework/utils"
import { checkCode, OTP_MAX_ATTEMPTS, OtpState } from "./code"

const FAILED = "Invalid or expired code"

/**
 * Sign-in with a one-time code sent by email. This provider only checks codes;
 * they are issued by `POST /auth/user/otp` with `{ email }` (requestOtpWorkflow).
 */
class OtpAuthProviderService extends AbstractAuthModuleProvider {
  static identifier = "otp"
  static DISPLAY_NAME = "Email code"

  async register(): Promise<AuthenticationResponse> {
    return { success: false, error: "Codes are requested with POST /auth/user/otp { email }" }
  }

  async authenticate(
    data: AuthenticationInput,
    authIdentityProviderService: AuthIdentityProviderService
  ): Promise<AuthenticationResponse> {
    const email = typeof data.body?.email === "string" ? data.body.email.trim().toLowerCase() : ""
    const code = typeof data.body?.code === "string" ? data.body.code.trim() : ""
    if (!email || !/^\d{6}$/.test(code)) {
      return { success: false, error: "email and a 6-digit code are required" }
    }
    const identity = await authIdentityProviderService.retrieve({ entity_id: email }).catch(() => null)
    const providerIdentity = identity?.provider_identities?.find((p) => p.provider === "otp")
    if (!identity || !providerIdentity) {
      return { success: false, error: FAILED }
    }
    const state = providerIdentity.provider_metadata as Partial<OtpState> | undefined
    const result = checkCode(state, code)
    if (result === "valid") {
      // Single use: the hash is gone once it has been accepted.
      await authIdentityProviderService.update(email, { provider_metadata: { ...state, code_hash: null } })
      return { success: true, authIdentity: identity }
    }
    if (result === "wrong") {
      const attempts = (state?.attempts ?? 0) + 1
      await authIdentityProviderService.update(email, { provider_metadata: { ...state, attempts } })
      if (attempts >= OTP_MAX_ATTEMPTS) {
        return { success: false, error: "Too many wrong codes: request a new one" }
      }
    }
    return { success: false, error: result === "locked" ? "Too many wrong codes: request a new one" : FAILED }
  }
}

export default OtpAuthProviderService
