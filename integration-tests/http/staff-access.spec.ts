import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { generateTotpCode } from "@medusajs/auth/dist/utils/totp"
import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows"
import { STAFF_ACCESS_MODULE } from "../../src/modules/staff-access"
import StaffAccessModuleService from "../../src/modules/staff-access/service"
import { FakeResend } from "../fakes/resend"
import { PaymentFakes, startEmailFake, startPaymentFakes } from "../utils/env"
import { createStaffUser, STAFF_PASSWORD, staffHeaders } from "../utils/staff"
import { ADMIN, adminHeaders, seedStore } from "../utils/store"
import { waitFor } from "../utils/wait-for"

jest.setTimeout(120_000)

let fakes: PaymentFakes
let resend: FakeResend

beforeAll(async () => {
  fakes = await startPaymentFakes()
  resend = await startEmailFake()
  // These cases sign in far more often than a person would; rate limits have their own spec.
  process.env.RATE_LIMIT_AUTH_PER_MINUTE = "1000"
})

afterAll(async () => {
  await Promise.all([fakes.paystack.close(), fakes.stripe.close(), resend.close()])
})

type Headers = { headers: Record<string, string> }
type Role = "admin" | "support" | "concierge"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const as: Partial<Record<Role, Headers>> = {}
    const users: Partial<Record<Role, string>> = {}

    beforeAll(async () => {
      const container = getContainer()
      await seedStore(container)
      as.admin = await adminHeaders(api)
      for (const role of ["support", "concierge"] as const) {
        const user = await createStaffUser(container, `${role}@store.test`, role)
        users[role] = user.id
        as[role] = await staffHeaders(api, `${role}@store.test`)
      }
      const [admin] = await container.resolve(Modules.USER).listUsers({ email: ADMIN.email })
      users.admin = admin.id
    })

    beforeEach(() => resend.reset())

    const call = (method: string, url: string, headers?: Headers, body?: object) =>
      api
        .request({ method, url, data: body, ...(headers ?? {}) })
        .catch((e: { response: { status: number; data: unknown } }) => e.response)

    describe("one-time passcode login", () => {
      const requestCode = (email: string) => call("POST", "/auth/user/otp", undefined, { email })
      const signIn = (email: string, code: string) => call("POST", "/auth/user/otp", undefined, { email, code })
      const codeSentTo = async (email: string, after = 0) => {
        const mail = await waitFor(() => Promise.resolve(resend.emails.slice(after).find((e) => e.to.includes(email))), {
          what: `sign-in code email to ${email}`,
          timeoutMs: 15_000,
        })
        return /code is (\d{6})/.exec(mail.text ?? "")![1]
      }
      const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0")

      it("emails a code that signs the admin in once", async () => {
        const asked = await requestCode(ADMIN.email)
        expect(asked.status).toBe(200)
        expect(asked.data).toEqual({ sent: true })
        const code = await codeSentTo(ADMIN.email)

        const signedIn = await signIn(ADMIN.email, code)
        expect(signedIn.status).toBe(200)
        const token = (signedIn.data as { token: string }).token
        const me = await call("GET", "/admin/users/me", { headers: { authorization: `Bearer ${token}` } })
        expect((me.data as { user: { email: string } }).user.email).toBe(ADMIN.email)

        expect((await signIn(ADMIN.email, code)).status).toBe(401)
        // The code was never stored in clear: not in the notification record either.
        const notifications = await getContainer().resolve(Modules.NOTIFICATION).listNotifications({ to: ADMIN.email })
        expect(JSON.stringify(notifications)).not.toContain(code)
        // Email and password still work.
        expect((await call("POST", "/auth/user/emailpass", undefined, ADMIN)).status).toBe(200)
      })

      it("answers an unknown email exactly like a known one, and sends nothing", async () => {
        const known = await requestCode(ADMIN.email)
        const unknown = await requestCode("nobody@store.test")
        expect([unknown.status, unknown.data]).toEqual([known.status, known.data])
        await codeSentTo(ADMIN.email)
        expect(resend.emails.filter((e) => e.to.includes("nobody@store.test"))).toHaveLength(0)
        expect((await signIn("nobody@store.test", "123456")).status).toBe(401)
      })

      it("refuses a wrong code, and locks the code after five wrong tries", async () => {
        await requestCode(ADMIN.email)
        const code = await codeSentTo(ADMIN.email)
        for (let i = 0; i < 5; i++) {
          expect((await signIn(ADMIN.email, wrongCode(code))).status).toBe(401)
        }
        const locked = await signIn(ADMIN.email, code)
        expect(locked.status).toBe(401)
        expect(JSON.stringify(locked.data)).toMatch(/request a new one/)
      })

      it("invalidates the old code when a new one is requested", async () => {
        await requestCode(ADMIN.email)
        const first = await codeSentTo(ADMIN.email)
        await requestCode(ADMIN.email)
        let second = await codeSentTo(ADMIN.email, 1)
        // One time in a million the new code is the old one: ask again.
        for (let sent = 2; second === first; sent++) {
          await requestCode(ADMIN.email)
          second = await codeSentTo(ADMIN.email, sent)
        }
        expect((await signIn(ADMIN.email, first)).status).toBe(401)
        expect((await signIn(ADMIN.email, second)).status).toBe(200)
      })

      it("counts parallel guesses one at a time: seven at once still lock the code after five", async () => {
        await requestCode(ADMIN.email)
        const code = await codeSentTo(ADMIN.email)
        const guesses = await Promise.all(Array.from({ length: 7 }, () => signIn(ADMIN.email, wrongCode(code))))
        expect(guesses.map((guess) => guess.status)).toEqual(Array(7).fill(401))
        const auth = getContainer().resolve(Modules.AUTH)
        const [identity] = await auth.listProviderIdentities({ provider: "otp", entity_id: ADMIN.email })
        expect(identity.provider_metadata?.attempts).toBe(5)
        expect((await signIn(ADMIN.email, code)).status).toBe(401)
      })

      it("accepts a code once when it is sent twice at the same time", async () => {
        await requestCode(ADMIN.email)
        const code = await codeSentTo(ADMIN.email)
        const both = await Promise.all([signIn(ADMIN.email, code), signIn(ADMIN.email, code)])
        expect(both.map((answer) => answer.status).sort()).toEqual([200, 401])
      })

      it("asks for the authenticator code after an email code when the user enrolled TOTP", async () => {
        const email = "mfa@store.test"
        await createStaffUser(getContainer(), email, "support")
        const password = await staffHeaders(api, email)
        const started = await call("POST", "/auth/mfa/factors", password, { provider: "totp" })
        expect(started.status).toBe(200)
        const { mfa_factor, secret } = started.data as { mfa_factor: { id: string }; secret: string }
        const enabled = await call("POST", `/auth/mfa/factors/${mfa_factor.id}/verify`, password, {
          code: generateTotpCode({ secret }),
        })
        expect(enabled.status).toBe(200)

        await requestCode(email)
        const signedIn = await signIn(email, await codeSentTo(email))
        expect(signedIn.status).toBe(200)
        const pending = signedIn.data as { token: string; mfa_required?: boolean; mfa_challenge?: { id: string } }
        expect(pending.mfa_required).toBe(true)
        const pendingHeaders = { headers: { authorization: `Bearer ${pending.token}` } }
        expect((await call("GET", "/admin/users/me", pendingHeaders)).status).toBe(401)

        const verified = await call("POST", `/auth/mfa/challenges/${pending.mfa_challenge!.id}/verify`, pendingHeaders, {
          method: "totp",
          code: generateTotpCode({ secret, timestamp: Date.now() + 30_000 }),
        })
        expect(verified.status).toBe(200)
        const token = (verified.data as { token: string }).token
        const me = await call("GET", "/admin/users/me", { headers: { authorization: `Bearer ${token}` } })
        expect((me.data as { user: { email: string } }).user.email).toBe(email)
      })

      it("refuses an expired code", async () => {
        await requestCode(ADMIN.email)
        const code = await codeSentTo(ADMIN.email)
        const auth = getContainer().resolve(Modules.AUTH)
        const [identity] = await auth.listProviderIdentities({ provider: "otp", entity_id: ADMIN.email })
        await auth.updateProviderIdentities({
          id: identity.id,
          provider_metadata: { ...identity.provider_metadata, expires_at: new Date(Date.now() - 1000).toISOString() },
        })
        expect((await signIn(ADMIN.email, code)).status).toBe(401)
      })

      it("validates the body", async () => {
        const cases = [{}, { email: "not-an-email" }, { email: ADMIN.email, code: "12ab56" }, { email: ADMIN.email, extra: 1 }]
        for (const body of cases) {
          const response = await call("POST", "/auth/user/otp", undefined, body)
          expect(response.status).toBe(400)
        }
      })
    })

    describe("impersonation", () => {
      const registerCustomer = async () => {
        const { data: registered } = await call("POST", "/auth/customer/emailpass/register", undefined, {
          email: "shopper@example.com",
          password: "shopper-password",
        })
        const token = (registered as { token: string }).token
        const headers = { headers: { authorization: `Bearer ${token}`, "x-publishable-api-key": setupKey() } }
        const { data } = await call("POST", "/store/customers", headers, {
          email: "shopper@example.com",
          first_name: "Ngozi",
        })
        return (data as { customer: { id: string } }).customer.id
      }
      let publishableKey = ""
      const setupKey = () => publishableKey

      beforeAll(async () => {
        const apiKeys = getContainer().resolve(Modules.API_KEY)
        const [key] = await apiKeys.listApiKeys({ type: "publishable" })
        publishableKey = key.token
      })

      it("lets admin and support act as the customer for 15 minutes, not concierge", async () => {
        const customerId = await registerCustomer()
        const issued = await call("POST", `/admin/customers/${customerId}/impersonate`, as.support, {})
        expect(issued.status).toBe(201)
        const session = (issued.data as { impersonation: { token: string; expires_at: string } }).impersonation
        const [, payload] = session.token.split(".")
        const claims = JSON.parse(Buffer.from(payload, "base64url").toString())
        expect(claims.exp - claims.iat).toBe(15 * 60)
        expect(claims.app_metadata).toEqual({ customer_id: customerId, impersonated_by: users.support })

        expect((await call("POST", `/admin/customers/${customerId}/impersonate`, as.admin, {})).status).toBe(201)
        expect((await call("POST", `/admin/customers/${customerId}/impersonate`, as.concierge, {})).status).toBe(403)
        expect((await call("POST", "/admin/customers/cus_missing/impersonate", as.admin, {})).status).toBe(404)
        expect((await call("POST", `/admin/customers/${customerId}/impersonate`, as.admin, { x: 1 })).status).toBe(400)
      })

      it("sees what the customer sees, cannot change email or check out, and logs both identities", async () => {
        const customerId = await registerCustomer()
        const issued = await call("POST", `/admin/customers/${customerId}/impersonate`, as.support, {})
        const token = (issued.data as { impersonation: { token: string } }).impersonation.token
        const acting = { headers: { authorization: `Bearer ${token}`, "x-publishable-api-key": publishableKey } }

        const me = await call("GET", "/store/customers/me", acting)
        expect((me.data as { customer: { email: string } }).customer.email).toBe("shopper@example.com")
        expect((await call("POST", "/store/customers/me", acting, { first_name: "Ngozi A." })).status).toBe(200)
        const emailChange = await call("POST", "/store/customers/me", acting, { email: "thief@example.com" })
        expect(emailChange.status).toBe(403)
        expect((emailChange.data as { message: string }).message).toMatch(/cannot change the email/)
        const { data: cart } = await call("POST", "/store/carts", acting, {})
        const cartId = (cart as { cart: { id: string } }).cart.id
        expect((await call("POST", `/store/carts/${cartId}/complete`, acting, {})).status).toBe(403)
        // Express matches routes whatever the letter case; so does the guard.
        expect((await call("POST", `/store/carts/${cartId}/COMPLETE`, acting, {})).status).toBe(403)
        expect((await call("POST", "/store/customers/me/erase", acting, {})).status).toBe(403)
        // A cookie session would outlive the token's 15 minutes.
        expect((await call("POST", "/auth/session", acting, {})).status).toBe(403)
        // A catalog read the response cache could answer is still recorded.
        expect((await call("GET", "/store/regions", acting)).status).toBe(200)
        expect((await call("GET", "/store/regions", acting)).status).toBe(200)

        const staff = getContainer().resolve<StaffAccessModuleService>(STAFF_ACCESS_MODULE)
        const logged = await waitFor(
          async () => {
            const rows = await staff.listImpersonationRequests({ customer_id: customerId })
            return rows.length >= 9 ? rows : undefined
          },
          { what: "impersonation log rows" }
        )
        expect(new Set(logged.map((r) => r.impersonator_user_id))).toEqual(new Set([users.support]))
        expect(logged.map((r) => [r.method, r.path, r.status_code])).toEqual(
          expect.arrayContaining([
            ["GET", "/store/customers/me", 200],
            ["POST", "/store/customers/me", 403],
            ["POST", `/store/carts/${cartId}/complete`, 403],
            ["POST", `/store/carts/${cartId}/COMPLETE`, 403],
          ])
        )
        expect(logged.filter((r) => r.path === "/store/regions")).toHaveLength(2)
      })
    })

    describe("staff roles", () => {
      // route                                           admin support concierge
      const TABLE: [string, string, [number, number, number], object?][] = [
        ["GET", "/admin/users/me", [200, 200, 200]],
        ["GET", "/admin/stores", [200, 200, 200]],
        ["GET", "/admin/products", [200, 200, 403]],
        ["POST", "/admin/products", [200, 403, 403], { title: "Role test", options: [{ title: "Size", values: ["M"] }] }],
        ["GET", "/admin/inventory-items", [200, 200, 403]],
        ["GET", "/admin/customers", [200, 200, 200]],
        ["GET", "/admin/orders", [200, 200, 200]],
        ["POST", "/admin/orders/order_missing", [404, 404, 403], { metadata: { note: "called back" } }],
        ["POST", "/admin/orders/order_missing", [404, 403, 403], { email: "x@y.z" }],
        ["GET", "/admin/fx-rates", [200, 200, 403]],
        ["POST", "/admin/fx-rates", [201, 403, 403], { base_currency: "usd", quote_currency: "ngn", rate: "1600" }],
        ["GET", "/admin/staff", [200, 403, 403]],
        ["GET", "/admin/users", [200, 403, 403]],
        ["POST", "/admin/invites", [200, 403, 403], { email: "new@store.test" }],
        ["GET", "/admin/api-keys", [200, 403, 403]],
        ["DELETE", "/admin/regions/reg_missing", [200, 403, 403]],
        ["GET", "/admin/concierge/conversations", [200, 200, 200]],
        ["POST", "/admin/concierge/conversations/conv_missing/resolve", [404, 404, 404], {}],
        ["GET", "/admin/broadcasts", [200, 403, 403]],
        ["GET", "/admin/low-stock", [200, 200, 403]],
        ["GET", "/admin/inventory-adjustments", [200, 200, 403]],
        ["GET", "/admin/customers/cus_missing/export", [404, 404, 403]],
        ["POST", "/admin/customers/cus_missing/erase", [404, 403, 403], {}],
        ["GET", "/admin/activity", [200, 403, 403]],
        ["GET", "/admin/analytics/summary?currency=ngn", [200, 403, 403]],
      ]

      const cases = TABLE.map(([method, url, expected, body]) => ({ method, url, expected, body }))

      it.each(cases)("$method $url", async ({ method, url, expected, body }) => {
        const statuses: number[] = []
        for (const role of ["admin", "support", "concierge"] as const) {
          statuses.push((await call(method, url, as[role], body)).status)
        }
        expect(statuses).toEqual(expected)
      })

      it("names the missing permission in Medusa's 403 shape", async () => {
        const response = await call("GET", "/admin/staff", as.concierge)
        expect(response.status).toBe(403)
        expect(response.data).toEqual({
          type: "forbidden",
          message: 'The concierge role lacks the "staff.manage" permission needed for GET /admin/staff',
        })
      })

      it("lists staff with roles and lets an admin change a role", async () => {
        const { data } = await call("GET", "/admin/staff?limit=10", as.admin)
        const listed = (data as { staff: { email: string; role: string }[]; count: number }).staff
        expect(listed.map((s) => [s.email, s.role]).sort()).toEqual([
          [ADMIN.email, "admin"],
          ["concierge@store.test", "concierge"],
          ["support@store.test", "support"],
        ])
        const changed = await call("POST", `/admin/staff/${users.support}/role`, as.admin, { role: "admin" })
        expect(changed.status).toBe(200)
        expect((await call("GET", "/admin/staff", as.support)).status).toBe(200)

        const filtered = await call("GET", "/admin/staff?role=admin", as.admin)
        expect((filtered.data as { count: number }).count).toBe(2)
      })

      it("never demotes the last admin, and validates the role", async () => {
        const last = await call("POST", `/admin/staff/${users.admin}/role`, as.admin, { role: "support" })
        expect(last.status).toBe(409)
        expect((await call("GET", "/admin/staff", as.admin)).status).toBe(200)

        const bad = await call("POST", `/admin/staff/${users.support}/role`, as.admin, { role: "owner" })
        expect(bad.status).toBe(400)
        const missing = await call("POST", "/admin/staff/user_missing/role", as.admin, { role: "support" })
        expect(missing.status).toBe(404)
      })

      const acceptInvite = async (email: string, metadata?: object) => {
        const invited = await call("POST", "/admin/invites", as.admin, { email, metadata })
        expect(invited.status).toBe(200)
        const token = (invited.data as { invite: { token: string } }).invite.token
        const registered = await call("POST", "/auth/user/emailpass/register", undefined, {
          email,
          password: "invitee-password",
        })
        const registration = (registered.data as { token: string }).token
        const accepted = await call(
          "POST",
          `/admin/invites/accept?token=${token}`,
          { headers: { authorization: `Bearer ${registration}` } },
          { email, first_name: "In", last_name: "Vitee" }
        )
        expect(accepted.status).toBe(200)
      }
      const staffRoleOf = async (email: string) => {
        const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
        const { data } = await query.graph({ entity: "user", fields: ["id"], filters: { email } })
        const staff = await call("GET", `/admin/staff?limit=50`, as.admin)
        return (staff.data as { staff: { id: string; role: string }[] }).staff.find((s) => s.id === data[0]?.id)?.role
      }

      it("gives an invited user the role chosen on the invite, support when it names none", async () => {
        await acceptInvite("invitee@store.test", { role: "admin" })
        await acceptInvite("plain-invitee@store.test")
        // Both differ from the role of a user with none (concierge), so each wait sees the invite's role land.
        const roles = await waitFor(
          async () => {
            const found = [await staffRoleOf("invitee@store.test"), await staffRoleOf("plain-invitee@store.test")]
            return found[0] === "admin" && found[1] === "support" ? found : undefined
          },
          { what: "invited users' roles" }
        )
        expect(roles).toEqual(["admin", "support"])
      })

      it("treats a user with no role as the least privileged one", async () => {
        const container = getContainer()
        const { authIdentity } = await container
          .resolve(Modules.AUTH)
          .register("emailpass", { body: { email: "cli-made@store.test", password: STAFF_PASSWORD } })
        await createUserAccountWorkflow(container).run({
          input: { authIdentityId: authIdentity!.id, userData: { email: "cli-made@store.test" } },
        })
        const headers = await staffHeaders(api, "cli-made@store.test")
        expect((await call("GET", "/admin/orders", headers)).status).toBe(200)
        expect((await call("GET", "/admin/products", headers)).status).toBe(403)
        expect(await staffRoleOf("cli-made@store.test")).toBe("concierge")
      })

      it("lets a secret API key act with its creator's current role", async () => {
        const container = getContainer()
        const creator = await createStaffUser(container, "key-maker@store.test", "admin")
        const creatorHeaders = await staffHeaders(api, "key-maker@store.test")
        const created = await call("POST", "/admin/api-keys", creatorHeaders, { title: "Reports", type: "secret" })
        expect(created.status).toBe(200)
        const secret = (created.data as { api_key: { token: string } }).api_key.token
        const withKey = { headers: { authorization: `Basic ${Buffer.from(`${secret}:`).toString("base64")}` } }
        expect((await call("GET", "/admin/staff", withKey)).status).toBe(200)

        expect((await call("POST", `/admin/staff/${creator.id}/role`, as.admin, { role: "support" })).status).toBe(200)
        expect((await call("GET", "/admin/staff", withKey)).status).toBe(403)
        expect((await call("GET", "/admin/products", withKey)).status).toBe(200)
      })
    })
  },
})
