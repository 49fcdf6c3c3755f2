import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { Catalog, CatalogFile, CatalogProduct, CatalogProductType } from "./schema"

export type CatalogProblem = { path: string; message: string }

const at = (path: PropertyKey[]) =>
  path
    .map((part, i) => (typeof part === "number" ? `[${part}]` : i ? `.${String(part)}` : String(part)))
    .join("")

function issuesOf(error: z.ZodError, prefix: PropertyKey[]): CatalogProblem[] {
  return error.issues.map((issue) => ({
    path: at([...prefix, ...issue.path]),
    message: issue.message,
  }))
}

/** Every problem in the file, each with its location; an empty list means valid. */
export function findCatalogProblems(input: unknown): CatalogProblem[] {
  const file = CatalogFile.safeParse(input)
  if (!file.success) {
    return issuesOf(file.error, [])
  }
  const problems: CatalogProblem[] = []
  const categories = new Set(file.data.categories.map((c) => c.handle))
  const collections = new Set(file.data.collections.map((c) => c.handle))
  file.data.categories.forEach((category, i) => {
    if (category.parent_handle && !categories.has(category.parent_handle)) {
      problems.push({ path: `categories[${i}].parent_handle`, message: `unknown category "${category.parent_handle}"` })
    }
  })
  const handles = new Map<string, number>()
  const skus = new Map<string, string>()
  file.data.products.forEach((raw, p) => {
    const parsed = CatalogProduct.safeParse(raw)
    if (!parsed.success) {
      problems.push(...issuesOf(parsed.error, ["products", p]))
      return
    }
    problems.push(...productProblems(parsed.data, p, { categories, collections, handles, skus }))
  })
  return problems
}

function productProblems(
  product: CatalogProductType,
  p: number,
  seen: {
    categories: Set<string>
    collections: Set<string>
    handles: Map<string, number>
    skus: Map<string, string>
  }
): CatalogProblem[] {
  const problems: CatalogProblem[] = []
  const where = `products[${p}]`
  const firstIndex = seen.handles.get(product.handle)
  if (firstIndex !== undefined) {
    problems.push({ path: `${where}.handle`, message: `duplicate handle "${product.handle}" (also products[${firstIndex}])` })
  }
  seen.handles.set(product.handle, p)
  product.category_handles.forEach((handle, i) => {
    if (!seen.categories.has(handle)) {
      problems.push({ path: `${where}.category_handles[${i}]`, message: `unknown category "${handle}"` })
    }
  })
  if (product.collection_handle && !seen.collections.has(product.collection_handle)) {
    problems.push({ path: `${where}.collection_handle`, message: `unknown collection "${product.collection_handle}"` })
  }
  const optionValues = new Map(product.options.map((o) => [o.title, new Set(o.values)]))
  const combinations = new Set<string>()
  product.variants.forEach((variant, v) => {
    const vWhere = `${where}.variants[${v}]`
    const owner = seen.skus.get(variant.sku)
    if (owner) {
      problems.push({ path: `${vWhere}.sku`, message: `duplicate SKU "${variant.sku}" (also ${owner})` })
    } else {
      seen.skus.set(variant.sku, vWhere)
    }
    for (const [title, values] of optionValues) {
      const value = variant.options[title]
      if (value === undefined) {
        problems.push({ path: `${vWhere}.options`, message: `missing a value for option "${title}"` })
      } else if (!values.has(value)) {
        problems.push({ path: `${vWhere}.options.${title}`, message: `"${value}" is not one of the option's values` })
      }
    }
    for (const title of Object.keys(variant.options)) {
      if (!optionValues.has(title)) {
        problems.push({ path: `${vWhere}.options.${title}`, message: `product has no option "${title}"` })
      }
    }
    const combination = product.options.map((o) => variant.options[o.title]).join(" / ")
    if (combinations.has(combination)) {
      problems.push({ path: `${vWhere}.options`, message: `option combination "${combination}" appears twice` })
    }
    combinations.add(combination)
  })
  return problems
}

/** The parsed catalog, or an INVALID_DATA error listing every problem with its location. */
export function parseCatalog(input: unknown): Catalog {
  const problems = findCatalogProblems(input)
  if (problems.length) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Catalog has ${problems.length} problem(s):\n${problems.map((p) => `  ${p.path}: ${p.message}`).join("\n")}`
    )
  }
  const file = CatalogFile.parse(input)
  return { ...file, products: file.products.map((p) => CatalogProduct.parse(p)) }
}
