import {
  AuthenticatedMedusaRequest,
  MedusaNextFunction,
  MedusaResponse,
  MiddlewareRoute,
} from "@medusajs/framework/http"
import { STORE_CACHE_MODULE } from "../../modules/store-cache"
import StoreCacheModuleService from "../../modules/store-cache/service"

/** Admin routes whose writes change what the cached store reads show. */
const CATALOG_WRITE =
  /^\/admin\/(products|product-variants|product-categories|collections|product-types|product-tags|price-lists|price-preferences|inventory-items|stock-locations|regions|sales-channels|fx-rates|inventory-adjustments|translations)(\/|$)/

/**
 * Read-your-writes for staff: a successful catalog write moves the store cache
 * version on before its response is sent, so the next store read, on any
 * server process, is computed fresh. Changes made elsewhere (jobs, imports,
 * workflows) are covered by the store-cache-invalidate subscriber.
 */
export function invalidateStoreCacheOnWrite(req: AuthenticatedMedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (!["POST", "DELETE"].includes(req.method) || !CATALOG_WRITE.test(req.originalUrl.split("?")[0])) {
    return next()
  }
  const cache = req.scope.resolve<StoreCacheModuleService>(STORE_CACHE_MODULE)
  const json = res.json.bind(res)
  res.json = (payload: unknown) => {
    if (res.statusCode >= 400) {
      return json(payload)
    }
    void cache.invalidate().finally(() => json(payload))
    return res
  }
  next()
}

export const storeCacheInvalidationMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin*", middlewares: [invalidateStoreCacheOnWrite] },
]
