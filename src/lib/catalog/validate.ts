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
  const problems: CatalogProblem[] = [
    ...duplicateHandles(file.data.categories, "categories"),
    ...duplicateHandles(file.data.collections, "collections"),
    ...categoryProblems(file.data.categories),
  ]
  const categories = new Set(file.data.categories.map((c) => c.handle))
  const collections = new Set(file.data.collections.map((c) => c.handle))
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

function duplicateHandles(list: { handle: string }[], where: string): CatalogProblem[] {
  const first = new Map<string, number>()
  return list.flatMap(({ handle }, i) => {
    const seen = first.get(handle)
    if (seen === undefined) {
      first.set(handle, i)
      return []
    }
    return [{ path: `${where}[${i}].handle`, message: `duplicate handle "${handle}" (also ${where}[${seen}])` }]
  })
}

function categoryProblems(categories: { handle: string; parent_handle?: string | null }[]): CatalogProblem[] {
  const parentOf = new Map(categories.map((c) => [c.handle, c.parent_handle ?? null]))
  return categories.flatMap((category, i) => {
    const path = `categories[${i}].parent_handle`
    if (category.parent_handle && !parentOf.has(category.parent_handle)) {
      return [{ path, message: `unknown category "${category.parent_handle}"` }]
    }
    const visited = new Set([category.handle])
    for (let parent = category.parent_handle ?? null; parent; parent = parentOf.get(parent) ?? null) {
      if (visited.has(parent)) {
        return [{ path, message: `category "${category.handle}" is its own ancestor` }]
      }
      visited.add(parent)
    }
    return []
  })
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
  } else {
    seen.handles.set(product.handle, p)
  }
  const optionTitles = new Set<string>()
  product.options.forEach((option, o) => {
    if (optionTitles.has(option.title)) {
      problems.push({ path: `${where}.options[${o}].title`, message: `duplicate option "${option.title}"` })
    }
    optionTitles.add(option.title)
    if (new Set(option.values).size !== option.values.length) {
      problems.push({ path: `${where}.options[${o}].values`, message: "values must be unique" })
    }
  })
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
