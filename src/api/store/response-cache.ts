import {
  authenticate,
  AuthenticatedMedusaRequest,
  MedusaNextFunction,
  MedusaResponse,
  MiddlewareRoute,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createHash } from "node:crypto"
import { STORE_CACHE_MODULE } from "../../modules/store-cache"
import StoreCacheModuleService from "../../modules/store-cache/service"

/**
 * Public catalog reads are answered from a response cache keyed by everything
 * that changes the answer: the path, the query (sorted), the publishable key's
 * sales channels, the locale, and the customer's groups (group prices). Only
 * these GET routes are cached; writes, carts, orders and `/store/customers/me`
 * never are.
 *
 * Why a stale price cannot be served for long: every price, product, variant,
 * inventory, category, collection, region and FX change emits an event whose
 * subscriber (store-cache-invalidate) moves the cache version on in Redis,
 * after the change is committed; from then on every server process looks up
 * entries under the new version only. A read that started before the change
 * may save its old answer, but under the old version, which nobody reads. If
 * an invalidation itself failed, entries still expire after the TTL
 * (STORE_CACHE_TTL_SECONDS, plus at most 5 s for a process's memory copy,
 * see stores.ts), the bound on staleness.
 */

/** The cached reads: list and detail of products, categories, collections and regions. */
export const CACHED_STORE_READ = /^\/store\/(products|product-categories|collections|regions)(\/[^/]+)?\/?$/

type StoreRequest = AuthenticatedMedusaRequest & {
  publishable_key_context?: { key: string; sales_channel_ids: string[] }
}

/** `a=1&b=2` whatever order the storefront wrote them in, arrays included. */
export function normalisedQuery(originalUrl: string): string {
  const search = originalUrl.includes("?") ? originalUrl.slice(originalUrl.indexOf("?") + 1) : ""
  const params = new URLSearchParams(search)
  return [...params.entries()]
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    .sort()
    .join("&")
}

async function customerGroupsOf(req: StoreRequest): Promise<string[]> {
  const customerId = req.auth_context?.actor_type === "customer" ? req.auth_context.actor_id : undefined
  if (!customerId) {
    return []
  }
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "customer", fields: ["groups.id"], filters: { id: customerId } })
  const groups = (data[0]?.groups ?? []) as ({ id: string } | null)[]
  return groups.flatMap((group) => (group ? [group.id] : [])).sort()
}

/** The cache key: a hash of everything that can change the response. */
export function cacheKeyOf(parts: {
  path: string
  query: string
  salesChannelIds: string[]
  customerGroupIds: string[]
  locale: string
}): string {
  const text = JSON.stringify([
    parts.path,
    parts.query,
    [...parts.salesChannelIds].sort(),
    parts.customerGroupIds,
    parts.locale,
  ])
  return createHash("sha256").update(text).digest("base64url")
}

const etagOf = (body: Buffer) => `W/"${createHash("sha1").update(body).digest("base64url")}"`

const matches = (ifNoneMatch: string | undefined, etag: string) =>
  !!ifNoneMatch && ifNoneMatch.split(",").some((tag) => tag.trim() === etag || tag.trim() === "*")

export async function respondFromCache(req: StoreRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const cache = req.scope.resolve<StoreCacheModuleService>(STORE_CACHE_MODULE)
  if (!cache.enabled) {
    return next()
  }
  const customerGroupIds = await customerGroupsOf(req)
  const key = cacheKeyOf({
    path: req.originalUrl.split("?")[0],
    query: normalisedQuery(req.originalUrl),
    salesChannelIds: req.publishable_key_context?.sales_channel_ids ?? [],
    customerGroupIds,
    locale: String(req.get("x-medusa-locale") ?? ""),
  })
  // Group prices are for that group only: shared caches (CDNs) must not keep them.
  res.setHeader("Cache-Control", customerGroupIds.length ? "private, no-cache" : "public, no-cache")
  // Everything the key is made of that comes from a header. Cookie too: a cookie session
  // (`connect.sid`) is a customer, whose group prices a shared cache must not hand to
  // another browser. `vary` adds to what is there (CORS's `Origin`).
  res.vary("Authorization").vary("Cookie").vary("X-Publishable-Api-Key").vary("X-Medusa-Locale")

  const { version, entry } = await cache.lookup(key)
  if (entry) {
    res.setHeader("ETag", entry.etag)
    res.setHeader("X-Cache", "HIT")
    if (matches(req.get("if-none-match"), entry.etag)) {
      res.status(304).end()
      return
    }
    res.status(200).type("application/json").send(entry.body)
    return
  }

  res.setHeader("X-Cache", "MISS")
  const json = res.json.bind(res)
  res.json = (payload: unknown) => {
    if (res.statusCode !== 200) {
      return json(payload)
    }
    const body = Buffer.from(JSON.stringify(payload))
    const etag = etagOf(body)
    res.setHeader("ETag", etag)
    if (version !== null) {
      void cache.save(version, key, { etag, body })
    }
    if (matches(req.get("if-none-match"), etag)) {
      res.status(304).end()
      return res
    }
    return res.type("application/json").send(body)
  }
  next()
}

const optionalCustomer = authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })

/**
 * A global middleware, so it runs before Medusa's route middlewares for these
 * reads (query validation, sales-channel and pricing context lookups): a hit
 * costs the key, one Redis round trip and the write.
 */
export function cacheStoreReads(req: StoreRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (req.method !== "GET" || !CACHED_STORE_READ.test(req.originalUrl.split("?")[0])) {
    return next()
  }
  optionalCustomer(req, res, (error?: unknown) => {
    if (error) {
      return next(error)
    }
    // Staff acting as a customer go through the impersonation guard, which records every request.
    if (req.auth_context?.app_metadata?.impersonated_by) {
      return next()
    }
    respondFromCache(req, res, next).catch(next)
  })
}

export const storeResponseCacheMiddlewares: MiddlewareRoute[] = [{ matcher: "/store*", middlewares: [cacheStoreReads] }]
