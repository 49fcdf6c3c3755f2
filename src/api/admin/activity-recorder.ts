import { randomUUID } from "crypto"
import {
  AuthenticatedMedusaRequest,
  MedusaNextFunction,
  MedusaResponse,
  MiddlewareRoute,
} from "@medusajs/framework/http"
import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { canonicalJson } from "../../modules/activity/chain"
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
 * pair is the resource, and what follows the id names the action. Requests are
 * named by what was asked, in the imperative (`POST /admin/products/prod_1` ->
 * product.update, `POST /admin/customers/cus_1/erase` -> customer.erase); domain
 * events recorded by subscribers say what happened, in the past tense
 * (product.updated, customer.erased).
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
  const verb = method === "DELETE" ? "delete" : idAt === -1 ? "create" : "update"
  return {
    resource_type,
    resource_id: idAt === -1 ? null : segments[idAt],
    action: `${resource_type}.${rest.length ? rest.join(".") : verb}`,
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === "object" && !Array.isArray(value)

/** One field's value for the log, redacted by the field's name. */
const redactField = (key: string, value: unknown) => (redactForLog({ [key]: value }) as Record<string, unknown>)[key]

const capped = (changes: Record<string, unknown>): Record<string, unknown> =>
  JSON.stringify(changes).length > MAX_RECORDED_BODY ? { fields: Object.keys(changes) } : changes

/** Each field a request sent, as `{ after }`, with secrets redacted. */
export function changesOf(body: unknown): Record<string, unknown> | undefined {
  if (!isRecord(body)) {
    return undefined
  }
  const redacted = redactForLog(body) as Record<string, unknown>
  return capped(Object.fromEntries(Object.entries(redacted).map(([key, after]) => [key, { after }])))
}

/**
 * What an update changed: `{ field: { before, after } }` for each field sent
 * that the record has and whose value differs (as stored, so a field sent with
 * its current value is left out), `{ after }` for fields sent that are not
 * plain columns of the record (relations such as `variants`). Values redacted.
 */
export function diffChanges(
  body: unknown,
  before: Record<string, unknown>,
  after: Record<string, unknown>
): Record<string, unknown> | undefined {
  if (!isRecord(body)) {
    return undefined
  }
  const changes: Record<string, unknown> = {}
  for (const [key, sent] of Object.entries(body)) {
    if (key in before || key in after) {
      if (canonicalJson(before[key]) !== canonicalJson(after[key])) {
        changes[key] = { before: redactField(key, before[key] ?? null), after: redactField(key, after[key] ?? null) }
      }
    } else {
      changes[key] = { after: redactField(key, sent) }
    }
  }
  return capped(changes)
}

/** Reads a resource's own fields (no relations) by its route id; null when it cannot be read. */
type RecordLoader = (container: MedusaContainer, id: string) => Promise<Record<string, unknown> | null>

/** The first record of `entity` whose `key` is the route id, as JSON would carry it. */
const byQuery =
  (entity: string, key = "id"): RecordLoader =>
  async (container, id) => {
    try {
      const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity,
        fields: ["*"],
        filters: { [key]: id },
      })
      return data[0] ? (JSON.parse(JSON.stringify(data[0])) as Record<string, unknown>) : null
    } catch {
      return null
    }
  }

/**
 * Resources whose mutations are recorded with before/after, by route resource
 * type: Medusa's (updates) and this project's, whose actions (a role set, a
 * conversation assigned or resolved, a broadcast sent or cancelled) change
 * fields other than those sent.
 */
export const DIFFED_RESOURCES: Record<string, RecordLoader> = {
  product: byQuery("product"),
  variant: byQuery("product_variant"),
  customer: byQuery("customer"),
  inventory_item: byQuery("inventory_item"),
  order: byQuery("order"),
  user: byQuery("user"),
  region: byQuery("region"),
  price_list: byQuery("price_list"),
  customer_group: byQuery("customer_group"),
  collection: byQuery("product_collection"),
  product_category: byQuery("product_category"),
  sales_channel: byQuery("sales_channel"),
  stock_location: byQuery("stock_location"),
  promotion: byQuery("promotion"),
  staff: byQuery("staff_role", "user_id"),
  conversation: byQuery("concierge_conversation"),
  broadcast: byQuery("broadcast"),
}

// Bookkeeping columns every record has; a change there says nothing about the action.
const BOOKKEEPING = new Set(["id", "created_at", "updated_at", "deleted_at"])

/** An action's changes: every field of the record whose value it changed, `{ before, after }`, redacted. */
export function recordChanges(
  before: Record<string, unknown>,
  after: Record<string, unknown>
): Record<string, unknown> | undefined {
  const changes: Record<string, unknown> = {}
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (!BOOKKEEPING.has(key) && canonicalJson(before[key]) !== canonicalJson(after[key])) {
      changes[key] = { before: redactField(key, before[key] ?? null), after: redactField(key, after[key] ?? null) }
    }
  }
  return Object.keys(changes).length ? capped(changes) : undefined
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

const requestFacts = (req: AuthenticatedMedusaRequest, requestId: string) => {
  const impersonator = req.auth_context?.app_metadata?.impersonated_by
  return {
    impersonator_id: typeof impersonator === "string" ? impersonator : null,
    request_id: requestId,
    ip: req.ip ?? req.socket?.remoteAddress ?? null,
    user_agent: (req.headers["user-agent"] as string | undefined)?.slice(0, 500) ?? null,
  }
}

const requestIdOf = (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const requestId = (req.headers["x-request-id"] as string | undefined)?.slice(0, 200) || randomUUID()
  res.setHeader("x-request-id", requestId)
  return requestId
}

/**
 * Records every admin POST and DELETE in the activity log once its response
 * has been sent: who (with the impersonator, if any), what, the fields sent,
 * the outcome and where the request came from. For updates of the resources
 * in DIFFED_RESOURCES, the fields sent are read before the handler runs and
 * again after it, and only those that changed are recorded, with both values.
 * Never fails the request.
 */
export async function activityRecorder(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
) {
  const requestId = requestIdOf(req, res)
  const path = req.originalUrl.split("?")[0]
  const resource = resourceOfAdminRoute(req.method, path)
  const loadRecord = DIFFED_RESOURCES[resource.resource_type]
  const isUpdate = resource.action === `${resource.resource_type}.update`
  const diffed = req.method === "POST" && !!loadRecord && !!resource.resource_id
  const before = diffed && isRecord(req.body) ? await loadRecord(req.scope, resource.resource_id!) : null

  let responseBody: unknown
  const json = res.json.bind(res)
  res.json = (body: unknown) => {
    responseBody = body
    return json(body)
  }
  res.on("finish", () => {
    void (async () => {
      const auth = req.auth_context
      if (!auth?.actor_id) {
        return
      }
      const succeeded = res.statusCode < 400
      const after = before && succeeded ? await loadRecord(req.scope, resource.resource_id!) : null
      const changes =
        req.method !== "POST"
          ? undefined
          : before && after
            ? isUpdate
              ? diffChanges(req.body, before, after)
              : recordChanges(before, after) ?? changesOf(req.body)
            : changesOf(req.body)
      const entry: ActivityEntry = {
        actor_type: actorTypeOf(auth.actor_type),
        actor_id: auth.actor_id,
        action: resource.action,
        resource_type: resource.resource_type,
        resource_id: resource.resource_id ?? (succeeded ? createdIdIn(responseBody) : null),
        payload: {
          method: req.method,
          route: path,
          status_code: res.statusCode,
          ...(changes ? { changes } : {}),
        },
        ...requestFacts(req, requestId),
      }
      await recordActivitySafely(req.scope, [entry])
    })()
  })
  next()
}

/**
 * Records a customer's data export (GDPR) by staff or by the customer, once
 * it has been served. The response itself is never logged.
 */
export function customerExportRecorder(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
) {
  const requestId = requestIdOf(req, res)
  res.on("finish", () => {
    const auth = req.auth_context
    if (!auth?.actor_id || res.statusCode >= 400) {
      return
    }
    const path = req.originalUrl.split("?")[0]
    const byStaff = path.startsWith("/admin/")
    const customerId = byStaff ? (req.params.id ?? resourceOfAdminRoute("GET", path).resource_id) : auth.actor_id
    void recordActivitySafely(req.scope, [
      {
        actor_type: actorTypeOf(auth.actor_type),
        actor_id: auth.actor_id,
        action: "customer.exported",
        resource_type: "customer",
        resource_id: customerId,
        payload: { method: req.method, route: path, status_code: res.statusCode },
        ...requestFacts(req, requestId),
      },
    ])
  })
  next()
}

export const activityRecorderMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin*", methods: ["POST", "DELETE"], middlewares: [activityRecorder] },
  { matcher: "/admin/customers/:id/export", methods: ["GET"], middlewares: [customerExportRecorder] },
  { matcher: "/store/customers/me/export", methods: ["GET"], middlewares: [customerExportRecorder] },
]
