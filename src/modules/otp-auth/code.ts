import { randomBytes, randomInt, scryptSync, timingSafeEqual } from "node:crypto"

export const OTP_TTL_MS = 10 * 60 * 1000
export const OTP_MAX_ATTEMPTS = 5

/** What the provider keeps in the provider identity's metadata: never the code itself. */
export type OtpState = {
  code_hash: string | null
  salt: string
  expires_at: string
  attempts: number
}

export function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0")
}

// scrypt makes each guess costly should the hashes ever leak; there are only 10^6 codes.
const hash = (code: string, salt: string) => scryptSync(code, salt, 32).toString("hex")

export function issueState(code: string, now = Date.now()): OtpState {
  const salt = randomBytes(16).toString("hex")
  return {
    code_hash: hash(code, salt),
    salt,
    expires_at: new Date(now + OTP_TTL_MS).toISOString(),
    attempts: 0,
  }
}

export type CheckResult = "valid" | "wrong" | "expired" | "locked" | "used"

export function checkCode(state: Partial<OtpState> | undefined, code: string, now = Date.now()): CheckResult {
  if (!state?.salt || !state.expires_at) {
    return "used"
  }
  if (!state.code_hash) {
    return "used"
  }
  if ((state.attempts ?? 0) >= OTP_MAX_ATTEMPTS) {
    return "locked"
  }
  if (Date.parse(state.expires_at) <= now) {
    return "expired"
  }
  const given = Buffer.from(hash(code, state.salt), "hex")
  return timingSafeEqual(given, Buffer.from(state.code_hash, "hex")) ? "valid" : "wrong"
}
