import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import { ImportTarget } from "../catalog/import"

export const NIGERIA_REGION = "Nigeria"
export const INTERNATIONAL_REGION = "International"
export const PAYSTACK_PROVIDER_ID = "pp_paystack_paystack"
export const STRIPE_PROVIDER_ID = "pp_stripe_stripe"
const SALES_CHANNEL = "Default Sales Channel"
const STOCK_LOCATION = "Lagos Warehouse"
const PUBLISHABLE_KEY_TITLE = "Storefront"
const FULFILLMENT_PROVIDER_ID = "manual_manual"
/** Flat delivery prices in major units (naira, dollars). */
const DELIVERY_RATES = { NGN_STANDARD: 3500, NGN_EXPRESS: 7500, USD_STANDARD: 25, USD_EXPRESS: 45 }

/** Countries the International region ships to, priced in USD. */
export const INTERNATIONAL_COUNTRIES = [
  "us", "ca", "gb", "ie", "fr", "de", "nl", "be", "it", "es", "pt", "se", "no", "dk",
  "ch", "at", "gh", "ke", "za", "rw", "ae", "sa", "qa", "au", "nz", "jp", "sg",
]

export type StoreSetup = ImportTarget & {
  regions: { nigeria: string; international: string }
  publishable_key: string
}

/**
 * Creates what the store needs to sell in both currencies, once: each part is
 * looked up first, so running it again changes nothing.
 */
export async function setupStore(container: MedusaContainer): Promise<StoreSetup> {
  const salesChannelId = await ensureSalesChannel(container)
  const regions = await ensureRegions(container)
  await ensureStore(container, salesChannelId, regions.nigeria)
  await ensureTaxRegions(container)
  const shippingProfileId = await ensureShippingProfile(container)
  const stockLocationId = await ensureStockLocation(container, salesChannelId)
  await ensureShippingOptions(container, stockLocationId, shippingProfileId, regions)
  const publishableKey = await ensurePublishableKey(container, salesChannelId)
  return {
    sales_channel_id: salesChannelId,
    shipping_profile_id: shippingProfileId,
    stock_location_id: stockLocationId,
    regions,
    publishable_key: publishableKey,
  }
}

async function ensureSalesChannel(container: MedusaContainer): Promise<string> {
  const salesChannels = container.resolve(Modules.SALES_CHANNEL)
  const [existing] = await salesChannels.listSalesChannels({ name: SALES_CHANNEL })
  if (existing) {
    return existing.id
  }
  const { result } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name: SALES_CHANNEL }] },
  })
  return result[0].id
}

async function ensureStore(container: MedusaContainer, salesChannelId: string, regionId: string) {
  const stores = container.resolve(Modules.STORE)
  const [store] = await stores.listStores({}, { relations: ["supported_currencies"] })
  const currencies = (store.supported_currencies ?? []).map((c) => c.currency_code).sort()
  if (
    currencies.join(",") === "ngn,usd" &&
    store.default_sales_channel_id === salesChannelId &&
    store.default_region_id === regionId
  ) {
    return
  }
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        name: "Naira & Dollar Store",
        // Nigerian retail prices include VAT; USD prices are quoted before tax.
        supported_currencies: [
          { currency_code: "ngn", is_default: true, is_tax_inclusive: true },
          { currency_code: "usd", is_tax_inclusive: false },
        ],
        default_sales_channel_id: salesChannelId,
        default_region_id: regionId,
      },
    },
  })
}

async function ensureRegions(container: MedusaContainer): Promise<StoreSetup["regions"]> {
  const regionService = container.resolve(Modules.REGION)
  const existing = await regionService.listRegions({ name: { $in: [NIGERIA_REGION, INTERNATIONAL_REGION] } })
  const wanted = [
    {
      name: NIGERIA_REGION,
      currency_code: "ngn",
      countries: ["ng"],
      payment_providers: [PAYSTACK_PROVIDER_ID],
      automatic_taxes: true,
      // Region-priced items (shipping options) follow the NGN rule: VAT included.
      is_tax_inclusive: true,
    },
    {
      name: INTERNATIONAL_REGION,
      currency_code: "usd",
      countries: INTERNATIONAL_COUNTRIES,
      payment_providers: [STRIPE_PROVIDER_ID],
      automatic_taxes: true,
    },
  ].filter((region) => !existing.some((r) => r.name === region.name))
  const created = wanted.length
    ? (await createRegionsWorkflow(container).run({ input: { regions: wanted } })).result
    : []
  const all = [...existing, ...created]
  return {
    nigeria: all.find((r) => r.name === NIGERIA_REGION)!.id,
    international: all.find((r) => r.name === INTERNATIONAL_REGION)!.id,
  }
}

async function ensureTaxRegions(container: MedusaContainer) {
  const tax = container.resolve(Modules.TAX)
  const existing = new Set((await tax.listTaxRegions({})).filter((t) => !t.parent_id).map((t) => t.country_code))
  const missing = ["ng", ...INTERNATIONAL_COUNTRIES].filter((c) => !existing.has(c))
  if (!missing.length) {
    return
  }
  await createTaxRegionsWorkflow(container).run({
    input: missing.map((country_code) => ({
      country_code,
      provider_id: "tp_system",
      ...(country_code === "ng"
        ? { default_tax_rate: { rate: 7.5, code: "VAT", name: "Nigeria VAT" } }
        : {}),
    })),
  })
}

async function ensureShippingProfile(container: MedusaContainer): Promise<string> {
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const [existing] = await fulfillment.listShippingProfiles({ type: "default" })
  if (existing) {
    return existing.id
  }
  const { result } = await createShippingProfilesWorkflow(container).run({
    input: { data: [{ name: "Default Shipping Profile", type: "default" }] },
  })
  return result[0].id
}

async function ensureStockLocation(container: MedusaContainer, salesChannelId: string): Promise<string> {
  const stockLocations = container.resolve(Modules.STOCK_LOCATION)
  const [existing] = await stockLocations.listStockLocations({ name: STOCK_LOCATION })
  if (existing) {
    return existing.id
  }
  const { result } = await createStockLocationsWorkflow(container).run({
    input: {
      locations: [
        {
          name: STOCK_LOCATION,
          address: { address_1: "12 Adeola Odeku Street", city: "Lagos", country_code: "ng" },
        },
      ],
    },
  })
  const location = result[0]
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
    [Modules.FULFILLMENT]: { fulfillment_provider_id: FULFILLMENT_PROVIDER_ID },
  })
  await linkSalesChannelsToStockLocationWorkflow(container).run({
    input: { id: location.id, add: [salesChannelId] },
  })
  return location.id
}

async function ensureShippingOptions(
  container: MedusaContainer,
  stockLocationId: string,
  shippingProfileId: string,
  regions: StoreSetup["regions"]
) {
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const [existingSet] = await fulfillment.listFulfillmentSets({ name: "Lagos Warehouse delivery" })
  if (existingSet) {
    return
  }
  const fulfillmentSet = await fulfillment.createFulfillmentSets({
    name: "Lagos Warehouse delivery",
    type: "shipping",
    service_zones: [
      { name: "Nigeria", geo_zones: [{ type: "country", country_code: "ng" }] },
      {
        name: "International",
        geo_zones: INTERNATIONAL_COUNTRIES.map((country_code) => ({ type: "country" as const, country_code })),
      },
    ],
  })
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: stockLocationId },
    [Modules.FULFILLMENT]: { fulfillment_set_id: fulfillmentSet.id },
  })
  const zone = (name: string) => fulfillmentSet.service_zones.find((z) => z.name === name)!.id
  const option = (
    name: string,
    serviceZone: string,
    code: string,
    description: string,
    price: { currency_code: string; amount: number; region_id: string }
  ) => ({
    name,
    price_type: "flat" as const,
    provider_id: FULFILLMENT_PROVIDER_ID,
    service_zone_id: zone(serviceZone),
    shipping_profile_id: shippingProfileId,
    type: { label: name, description, code },
    prices: [
      { currency_code: price.currency_code, amount: price.amount },
      { region_id: price.region_id, amount: price.amount },
    ],
    rules: [
      { attribute: "enabled_in_store", value: "true", operator: "eq" as const },
      { attribute: "is_return", value: "false", operator: "eq" as const },
    ],
  })
  await createShippingOptionsWorkflow(container).run({
    input: [
      option("Standard delivery", "Nigeria", "ng-standard", "2-4 business days within Nigeria", {
        currency_code: "ngn",
        amount: DELIVERY_RATES.NGN_STANDARD,
        region_id: regions.nigeria,
      }),
      option("Express delivery", "Nigeria", "ng-express", "Next business day in Lagos and Abuja", {
        currency_code: "ngn",
        amount: DELIVERY_RATES.NGN_EXPRESS,
        region_id: regions.nigeria,
      }),
      option("International standard", "International", "intl-standard", "6-10 business days, tracked", {
        currency_code: "usd",
        amount: DELIVERY_RATES.USD_STANDARD,
        region_id: regions.international,
      }),
      option("International express", "International", "intl-express", "2-4 business days, DHL", {
        currency_code: "usd",
        amount: DELIVERY_RATES.USD_EXPRESS,
        region_id: regions.international,
      }),
    ],
  })
}

async function ensurePublishableKey(container: MedusaContainer, salesChannelId: string): Promise<string> {
  const apiKeys = container.resolve(Modules.API_KEY)
  const [existing] = (
    await apiKeys.listApiKeys({ type: "publishable", title: PUBLISHABLE_KEY_TITLE })
  ).filter((key) => !key.revoked_at)
  if (existing) {
    return existing.token
  }
  const { result } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: PUBLISHABLE_KEY_TITLE, type: "publishable", created_by: "" }] },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({
    input: { id: result[0].id, add: [salesChannelId] },
  })
  return result[0].token
}
