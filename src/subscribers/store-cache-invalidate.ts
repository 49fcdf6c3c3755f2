import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import {
  InventoryEvents,
  PricingEvents,
  ProductEvents,
  RegionWorkflowEvents,
  SalesChannelWorkflowEvents,
  TranslationWorkflowEvents,
} from "@medusajs/framework/utils"
import { STORE_CACHE_MODULE } from "../modules/store-cache"
import StoreCacheModuleService from "../modules/store-cache/service"

const eventsOf = (...groups: Record<string, unknown>[]) =>
  groups.flatMap((group) => Object.values(group).filter((name): name is string => typeof name === "string"))

/**
 * Anything the cached store reads show changed: products and everything on them
 * (variants, options, images, categories, collections, types, tags), prices and
 * price lists (FX reprices included), inventory, regions, sales channels and
 * translations. No workflow: moving the cache version on is not a change to
 * store data, and bulk updates send thousands of these events.
 */
export default async function storeCacheInvalidateHandler({ container }: SubscriberArgs<unknown>) {
  await container.resolve<StoreCacheModuleService>(STORE_CACHE_MODULE).invalidate()
}

export const config: SubscriberConfig = {
  event: eventsOf(
    ProductEvents,
    PricingEvents,
    InventoryEvents,
    RegionWorkflowEvents,
    SalesChannelWorkflowEvents,
    TranslationWorkflowEvents
  ),
  context: { subscriberId: "store-cache-invalidate" },
}
