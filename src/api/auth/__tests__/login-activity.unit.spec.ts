import { maskEmail } from "../../../modules/activity/redact"
import { claimsOf } from "../login-activity"

describe("claimsOf", () => {
  it("reads the claims of a JWT without verifying it, and nothing from anything else", () => {
    const payload = Buffer.from(JSON.stringify({ actor_id: "user_1", actor_type: "user" })).toString("base64url")
    expect(claimsOf(`eyJhbGciOiJIUzI1NiJ9.${payload}.sig`)).toEqual({ actor_id: "user_1", actor_type: "user" })
    expect(claimsOf("not-a-token")).toBeNull()
    expect(claimsOf(undefined)).toBeNull()
  })
})

describe("maskEmail", () => {
  it("keeps the first character and the domain only", () => {
    expect(maskEmail(" Ada.Obi@Store.test ")).toBe("a***@store.test")
    expect(maskEmail("no-at-sign")).toBe("[redacted]")
    expect(maskEmail(42)).toBeNull()
  })
})
