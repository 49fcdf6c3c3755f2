import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import {
  createCollectionsWorkflow,
  createInventoryLevelsWorkflow,
  createProductCategoriesWorkflow,
  createProductsWorkflow,
  createProductVariantsWorkflow,
  updateCollectionsWorkflow,
  updateProductCategoriesWorkflow,
  updateProductsWorkflow,
  updateProductVariantsWorkflow,
} from "@medusajs/medusa/core-flows"
import { FX_MODULE } from "../../modules/fx"
import { convertAmount } from "../../modules/fx/rounding"
import FxModuleService from "../../modules/fx/service"
import { syncDerivedFlags } from "./derived-flags"
import { planVariantPrices, PricePlan, Rates, StoreCurrency } from "./prices"
import { Catalog, CatalogProductType } from "./schema"

export type ImportTarget = {
  sales_channel_id: string
  shipping_profile_id: string
  stock_location_id: string
}

export type ImportReport = {
  categories: { created: number; updated: number }
  collections: { created: number; updated: number }
  products: { created: number; updated: number; unchanged: number }
  variants: { created: number; repriced: number }
}

export type ImportOptions = {
  target: ImportTarget
  batchSize?: number
  onProgress?: (done: number, total: number) => void
}

type ExistingVariant = {
  id: string
  sku: string | null
  prices: { id: string; currency_code: string; amount: number }[]
}
type ExistingProduct = {
  id: string
  handle: string
  title: string
  subtitle: string | null
  description: string | null
  status: string
  weight: number | null
  collection_id: string | null
  categories: { id: string }[]
  images: { url: string }[]
  variants: ExistingVariant[]
}

/**
 * Upserts a validated catalog, keyed by category/collection/product handle and
 * variant SKU. Only what differs is written, so a second run changes nothing.
 * Stock is set when a variant is first created; afterwards it moves through
 * orders and inventory adjustments, not through re-imports. Options of an
 * existing product are managed in the admin: a new variant must use values the
 * product already has.
 */
export async function importCatalog(
  container: MedusaContainer,
  catalog: Catalog,
  { target, batchSize = 25, onProgress }: ImportOptions
): Promise<ImportReport> {
  const report: ImportReport = {
    categories: { created: 0, updated: 0 },
    collections: { created: 0, updated: 0 },
    products: { created: 0, updated: 0, unchanged: 0 },
    variants: { created: 0, repriced: 0 },
  }
  const categoryIds = await upsertCategories(container, catalog, report)
  const collectionIds = await upsertCollections(container, catalog, report)
  const fx = container.resolve<FxModuleService>(FX_MODULE)
  const rates = await fx.getStoreRates()
  const rules = await fx.getRoundingRules()
  const convert = (amount: string, rate: string, currency: StoreCurrency) =>
    convertAmount(amount, rate, currency, rules)

  const total = catalog.products.length
  for (let start = 0; start < total; start += batchSize) {
    const batch = catalog.products.slice(start, start + batchSize)
    const existing = await existingProducts(container, batch.map((p) => p.handle))
    const context: BatchContext = { container, target, categoryIds, collectionIds, rates, convert, report }
    const toCreate = batch.filter((p) => !existing.has(p.handle))
    await createProducts(context, toCreate)
    for (const product of batch.filter((p) => existing.has(p.handle))) {
      await updateProduct(context, product, existing.get(product.handle)!)
    }
    onProgress?.(Math.min(start + batchSize, total), total)
  }
  return report
}

type BatchContext = {
  container: MedusaContainer
  target: ImportTarget
  categoryIds: Map<string, string>
  collectionIds: Map<string, string>
  rates: Rates
  convert: (amount: string, rate: string, currency: StoreCurrency) => string
  report: ImportReport
}

async function upsertCategories(
  container: MedusaContainer,
  catalog: Catalog,
  report: ImportReport
): Promise<Map<string, string>> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product_category",
    fields: ["id", "handle", "name", "description", "parent_category_id"],
    filters: { handle: catalog.categories.map((c) => c.handle) },
  })
  const ids = new Map<string, string>(data.map((c) => [c.handle, c.id]))
  for (const category of parentsFirst(catalog.categories)) {
    const parentId = category.parent_handle ? ids.get(category.parent_handle) ?? null : null
    const fields = {
      name: category.name,
      description: category.description ?? "",
      parent_category_id: parentId,
    }
    const found = data.find((c) => c.handle === category.handle)
    if (!found) {
      const { result } = await createProductCategoriesWorkflow(container).run({
        input: {
          product_categories: [{ ...fields, handle: category.handle, is_active: true, is_internal: false }],
        },
      })
      ids.set(category.handle, result[0].id)
      report.categories.created++
    } else if (
      found.name !== fields.name ||
      (found.description ?? "") !== fields.description ||
      (found.parent_category_id ?? null) !== parentId
    ) {
      await updateProductCategoriesWorkflow(container).run({
        input: { selector: { id: found.id }, update: fields },
      })
      report.categories.updated++
    }
  }
  return ids
}

/** Categories ordered so each parent is created before its children (the file is acyclic). */
function parentsFirst(categories: Catalog["categories"]): Catalog["categories"] {
  const byHandle = new Map(categories.map((c) => [c.handle, c]))
  const ordered: Catalog["categories"] = []
  const placed = new Set<string>()
  const place = (category: Catalog["categories"][number]) => {
    if (placed.has(category.handle)) {
      return
    }
    placed.add(category.handle)
    const parent = category.parent_handle ? byHandle.get(category.parent_handle) : undefined
    if (parent) {
      place(parent)
    }
    ordered.push(category)
  }
  categories.forEach(place)
  return ordered
}

async function upsertCollections(
  container: MedusaContainer,
  catalog: Catalog,
  report: ImportReport
): Promise<Map<string, string>> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product_collection",
    fields: ["id", "handle", "title"],
    filters: { handle: catalog.collections.map((c) => c.handle) },
  })
  const ids = new Map<string, string>(data.map((c) => [c.handle, c.id]))
  const missing = catalog.collections.filter((c) => !ids.has(c.handle))
  if (missing.length) {
    const { result } = await createCollectionsWorkflow(container).run({
      input: { collections: missing.map((c) => ({ handle: c.handle, title: c.title })) },
    })
    result.forEach((c) => ids.set(c.handle, c.id))
    report.collections.created += missing.length
  }
  for (const collection of catalog.collections) {
    const found = data.find((c) => c.handle === collection.handle)
    if (found && found.title !== collection.title) {
      await updateCollectionsWorkflow(container).run({
        input: { selector: { id: found.id }, update: { title: collection.title } },
      })
      report.collections.updated++
    }
  }
  return ids
}

async function existingProducts(
  container: MedusaContainer,
  handles: string[]
): Promise<Map<string, ExistingProduct>> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product",
    fields: [
      "id",
      "handle",
      "title",
      "subtitle",
      "description",
      "status",
      "weight",
      "collection_id",
      "categories.id",
      "images.url",
      "variants.id",
      "variants.sku",
      "variants.prices.id",
      "variants.prices.currency_code",
      "variants.prices.amount",
    ],
    filters: { handle: handles },
  })
  return new Map((data as unknown as ExistingProduct[]).map((p) => [p.handle, p]))
}

function productFields(context: BatchContext, product: CatalogProductType) {
  return {
    title: product.title,
    subtitle: product.subtitle ?? null,
    description: product.description ?? null,
    status: product.status,
    weight: product.weight ?? null,
    collection_id: product.collection_handle
      ? context.collectionIds.get(product.collection_handle)!
      : null,
    category_ids: product.category_handles.map((h) => context.categoryIds.get(h)!),
    images: product.images.map((url) => ({ url })),
    thumbnail: product.images[0] ?? null,
  }
}

function planFor(
  context: BatchContext,
  explicit: CatalogProductType["variants"][number]["prices"],
  existing?: ExistingVariant,
  flags: { id: string; variant_id: string; currency_code: string; amount: number }[] = []
): PricePlan {
  return planVariantPrices(
    explicit,
    existing?.prices ?? [],
    flags.filter((f) => f.variant_id === existing?.id),
    context.rates,
    context.convert
  )
}

async function createProducts(context: BatchContext, products: CatalogProductType[]) {
  if (!products.length) {
    return
  }
  const { container, target } = context
  const plans = new Map<string, PricePlan>()
  for (const product of products) {
    for (const variant of product.variants) {
      plans.set(variant.sku, planFor(context, variant.prices))
    }
  }
  const { result } = await createProductsWorkflow(container).run({
    input: {
      products: products.map((product) => ({
        ...productFields(context, product),
        handle: product.handle,
        shipping_profile_id: target.shipping_profile_id,
        sales_channels: [{ id: target.sales_channel_id }],
        options: product.options,
        variants: product.variants.map((variant) => ({
          title: variant.title,
          sku: variant.sku,
          options: variant.options,
          manage_inventory: true,
          prices: plans.get(variant.sku)!.prices.map(({ currency_code, amount }) => ({
            currency_code,
            amount,
          })),
        })),
      })),
    },
  })
  const variants = result.flatMap((p) => p.variants ?? [])
  await afterVariantsCreated(context, products, variants, plans)
  context.report.products.created += products.length
}

async function afterVariantsCreated(
  context: BatchContext,
  products: CatalogProductType[],
  created: { id: string; sku?: string | null }[],
  plans: Map<string, PricePlan>
) {
  const { container, target } = context
  const stock = new Map(products.flatMap((p) => p.variants.map((v) => [v.sku, v.stock] as const)))
  await syncDerivedFlags(
    container,
    created.map((v) => ({ variant_id: v.id, plan: plans.get(v.sku!)! }))
  )
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product_variant",
    fields: ["id", "sku", "inventory_items.inventory_item_id"],
    filters: { id: created.map((v) => v.id) },
  })
  const levels = data.flatMap((variant) =>
    (variant.inventory_items ?? []).map((item) => ({
      inventory_item_id: item!.inventory_item_id,
      location_id: target.stock_location_id,
      stocked_quantity: stock.get(variant.sku!) ?? 0,
    }))
  )
  if (levels.length) {
    await createInventoryLevelsWorkflow(container).run({ input: { inventory_levels: levels } })
  }
  context.report.variants.created += created.length
}

function productChanged(
  context: BatchContext,
  product: CatalogProductType,
  existing: ExistingProduct
): boolean {
  const wanted = productFields(context, product)
  const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i])
  return (
    wanted.title !== existing.title ||
    wanted.subtitle !== (existing.subtitle ?? null) ||
    wanted.description !== (existing.description ?? null) ||
    wanted.status !== existing.status ||
    (wanted.weight ?? null) !== (existing.weight === null ? null : Number(existing.weight)) ||
    wanted.collection_id !== (existing.collection_id ?? null) ||
    !sameList([...wanted.category_ids].sort(), existing.categories.map((c) => c.id).sort()) ||
    !sameList(product.images, existing.images.map((i) => i.url))
  )
}

async function updateProduct(
  context: BatchContext,
  product: CatalogProductType,
  existing: ExistingProduct
) {
  const { container } = context
  const fx = container.resolve<FxModuleService>(FX_MODULE)
  const changed = productChanged(context, product, existing)
  if (changed) {
    await updateProductsWorkflow(container).run({
      input: {
        products: [{ id: existing.id, ...productFields(context, product) }],
      },
    })
  }
  const bySku = new Map(existing.variants.map((v) => [v.sku, v]))
  const flags = await fx.listDerivedPrices({ variant_id: existing.variants.map((v) => v.id) })
  const repriced: { variant: ExistingVariant; plan: PricePlan }[] = []
  const flagsOnly: { variant_id: string; plan: PricePlan }[] = []
  for (const variant of product.variants) {
    const found = bySku.get(variant.sku)
    if (!found) {
      continue
    }
    const plan = planFor(context, variant.prices, found, flags as never)
    if (plan.changed) {
      repriced.push({ variant: found, plan })
    } else if (flagsDiffer(plan, flags.filter((f) => f.variant_id === found.id))) {
      flagsOnly.push({ variant_id: found.id, plan })
    }
  }
  if (repriced.length) {
    await updateProductVariantsWorkflow(container).run({
      input: {
        product_variants: repriced.map(({ variant, plan }) => ({
          id: variant.id,
          prices: plan.prices,
        })),
      },
    })
    context.report.variants.repriced += repriced.length
  }
  await syncDerivedFlags(container, [
    ...repriced.map(({ variant, plan }) => ({ variant_id: variant.id, plan })),
    ...flagsOnly,
  ])
  const newVariants = product.variants.filter((v) => !bySku.has(v.sku))
  if (newVariants.length) {
    const plans = new Map(newVariants.map((v) => [v.sku, planFor(context, v.prices)]))
    const { result } = await createProductVariantsWorkflow(container).run({
      input: {
        product_variants: newVariants.map((variant) => ({
          product_id: existing.id,
          title: variant.title,
          sku: variant.sku,
          options: variant.options,
          manage_inventory: true,
          prices: plans.get(variant.sku)!.prices.map(({ currency_code, amount }) => ({
            currency_code,
            amount,
          })),
        })),
      },
    })
    await afterVariantsCreated(context, [product], result, plans)
  }
  const touched = changed || repriced.length > 0 || newVariants.length > 0
  context.report.products[touched ? "updated" : "unchanged"]++
}

function flagsDiffer(
  plan: PricePlan,
  flags: { currency_code: string; amount: unknown; source_amount: unknown }[]
): boolean {
  if (plan.unflag.length) {
    return true
  }
  return plan.derived.some((d) => {
    const flag = flags.find((f) => f.currency_code === d.currency_code)
    return (
      !flag ||
      !MathBN.eq(flag.amount as number, d.amount) ||
      !MathBN.eq(flag.source_amount as number, d.source_amount)
    )
  })
}
