import { randomUUID } from "crypto"
import { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { maskEmail } from "../../modules/activity/redact"
import { ActivityEntry } from "../../modules/activity/service"
import { recordActivitySafely } from "../../workflows/activity/record-activity-safely"

export const LOGIN_ACTION = "auth.login"
export const LOGIN_FAILED_ACTION = "auth.login_failed"

// `/auth/user/<provider>` and `/auth/user/<provider>/callback`: the routes that answer with a token.
const LOGIN_PATH = /^\/auth\/user\/([^/]+)(\/callback)?\/?$/

type TokenClaims = { actor_id?: string; actor_type?: string; auth_identity_id?: string }

/** The claims of the token Medusa just issued (read, not verified: it is our own response). */
export function claimsOf(token: unknown): TokenClaims | null {
  if (typeof token !== "string") {
    return null
  }
  const [, payload] = token.split(".")
  try {
    const claims = JSON.parse(Buffer.from(payload ?? "", "base64url").toString("utf8"))
    return claims && typeof claims === "object" ? (claims as TokenClaims) : null
  } catch {
    return null
  }
}

async function userIdByEmail(req: MedusaRequest, email: unknown): Promise<string | null> {
  if (typeof email !== "string" || !email.trim()) {
    return null
  }
  const [user] = await req.scope
    .resolve(Modules.USER)
    .listUsers({ email: email.trim().toLowerCase() }, { select: ["id"], take: 1 })
  return user?.id ?? null
}

/**
 * Records staff sign-ins: `auth.login` with the user as actor when Medusa
 * answers with a token, `auth.login_failed` with the attempted email masked
 * (never the password or code) when it refuses. Asking for a one-time code is
 * not a sign-in and is not recorded. Never delays or fails the request.
 */
export function loginActivity(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const path = req.originalUrl.split("?")[0]
  const match = req.method === "POST" ? LOGIN_PATH.exec(path) : null
  if (!match) {
    return next()
  }
  const provider = match[1]
  const email = (req.body as { email?: unknown } | undefined)?.email
  let responseBody: unknown
  const json = res.json.bind(res)
  res.json = (body: unknown) => {
    responseBody = body
    return json(body)
  }
  res.on("finish", () => {
    void (async () => {
      const claims = claimsOf((responseBody as { token?: unknown } | undefined)?.token)
      const failed = res.statusCode === 401 || res.statusCode === 403
      if (!claims && !failed) {
        return
      }
      const facts = {
        request_id: (req.headers["x-request-id"] as string | undefined)?.slice(0, 200) || randomUUID(),
        ip: req.ip ?? req.socket?.remoteAddress ?? null,
        user_agent: (req.headers["user-agent"] as string | undefined)?.slice(0, 500) ?? null,
      }
      const entry: ActivityEntry = claims
        ? {
            actor_type: "user",
            actor_id: claims.actor_id || null,
            action: LOGIN_ACTION,
            resource_type: "user",
            resource_id: claims.actor_id || null,
            payload: { provider, auth_identity_id: claims.auth_identity_id ?? null, status_code: res.statusCode },
            ...facts,
          }
        : {
            actor_type: "system",
            action: LOGIN_FAILED_ACTION,
            resource_type: "user",
            resource_id: await userIdByEmail(req, email).catch(() => null),
            payload: { provider, email: maskEmail(email), status_code: res.statusCode },
            ...facts,
          }
      await recordActivitySafely(req.scope, [entry])
    })()
  })
  next()
}

export const loginActivityMiddlewares: MiddlewareRoute[] = [{ matcher: "/auth/user/*", middlewares: [loginActivity] }]
