import { randomUUID } from "crypto"
import {
  AuthenticatedMedusaRequest,
  MedusaNextFunction,
  MedusaResponse,
  MiddlewareRoute,
} from "@medusajs/framework/http"
import { ActorType } from "../../modules/activity/models/activity-event"
import { redactForLog } from "../../modules/activity/redact"
import { ActivityEntry } from "../../modules/activity/service"
import { recordActivitySafely } from "../../workflows/activity/record-activity-safely"

// A request body bigger than this is recorded by field names only.
const MAX_RECORDED_BODY = 16_384

const ID_SEGMENT = /^[a-z][a-z0-9]*_[0-9a-z]{10,}$/i

const singular = (segment: string) =>
  segment
    .replace(/-/g, "_")
    .replace(/ies$/, "y")
    .replace(/(ss|sh|ch|x)es$/, "$1")
    .replace(/([^s])s$/, "$1")

export type AdminRouteResource = { resource_type: string; resource_id: string | null; action: string }

/**
 * What an admin mutation acted on, read from its path: the last `<collection>/<id>`
 * pair is the resource, and what follows the id names the action
 * (`POST /admin/products/prod_1` -> product.updated, `POST /admin/customers/cus_1/erase` -> customer.erase).
 */
export function resourceOfAdminRoute(method: string, path: string): AdminRouteResource {
  const segments = path.split("/").filter(Boolean).slice(1)
  let typeAt = 0
  let idAt = -1
  segments.forEach((segment, index) => {
    if (index > 0 && ID_SEGMENT.test(segment) && !ID_SEGMENT.test(segments[index - 1])) {
      typeAt = index - 1
      idAt = index
    }
  })
  const resource_type = singular(segments[typeAt] ?? "admin")
  const rest = segments.slice(idAt === -1 ? typeAt + 1 : idAt + 1).map((segment) => segment.replace(/-/g, "_"))
  const verb = method === "DELETE" ? "deleted" : idAt === -1 ? "created" : "updated"
  return {
    resource_type,
    resource_id: idAt === -1 ? null : segments[idAt],
    action: `${resource_type}.${rest.length ? rest.join(".") : verb}`,
  }
}

/** Each field a request sent, as `{ after }`, with secrets redacted. */
export function changesOf(body: unknown): Record<string, unknown> | undefined {
  if (!body || typeof body !== "object" || Array.isArray(body)) {
    return undefined
  }
  const redacted = redactForLog(body) as Record<string, unknown>
  if (JSON.stringify(redacted).length > MAX_RECORDED_BODY) {
    return { fields: Object.keys(redacted) }
  }
  return Object.fromEntries(Object.entries(redacted).map(([key, after]) => [key, { after }]))
}

const actorTypeOf = (type: string | undefined): ActorType =>
  type === "user" || type === "customer" ? type : "system"

/** The id of an object the response returned, e.g. the product a create made. */
const createdIdIn = (body: unknown): string | null => {
  if (!body || typeof body !== "object") {
    return null
  }
  for (const value of Object.values(body)) {
    if (value && typeof value === "object" && typeof (value as { id?: unknown }).id === "string") {
      return (value as { id: string }).id
    }
  }
  return null
}

/**
 * Records every admin POST and DELETE in the activity log once its response
 * has been sent: who (with the impersonator, if any), what, the fields sent,
 * the outcome and where the request came from. Never delays or fails the request.
 */
export function activityRecorder(req: AuthenticatedMedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const requestId = (req.headers["x-request-id"] as string | undefined)?.slice(0, 200) || randomUUID()
  res.setHeader("x-request-id", requestId)
  let responseBody: unknown
  const json = res.json.bind(res)
  res.json = (body: unknown) => {
    responseBody = body
    return json(body)
  }
  res.on("finish", () => {
    const auth = req.auth_context
    if (!auth?.actor_id) {
      return
    }
    const path = req.originalUrl.split("?")[0]
    const resource = resourceOfAdminRoute(req.method, path)
    const impersonator = auth.app_metadata?.impersonated_by
    const succeeded = res.statusCode < 400
    const entry: ActivityEntry = {
      actor_type: actorTypeOf(auth.actor_type),
      actor_id: auth.actor_id,
      impersonator_id: typeof impersonator === "string" ? impersonator : null,
      action: resource.action,
      resource_type: resource.resource_type,
      resource_id: resource.resource_id ?? (succeeded ? createdIdIn(responseBody) : null),
      payload: {
        method: req.method,
        route: path,
        status_code: res.statusCode,
        ...(req.method === "POST" ? { changes: changesOf(req.body) } : {}),
      },
      request_id: requestId,
      ip: req.ip ?? req.socket?.remoteAddress ?? null,
      user_agent: (req.headers["user-agent"] as string | undefined)?.slice(0, 500) ?? null,
    }
    void recordActivitySafely(req.scope, [entry])
  })
  next()
}

export const activityRecorderMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin*", methods: ["POST", "DELETE"], middlewares: [activityRecorder] },
]
