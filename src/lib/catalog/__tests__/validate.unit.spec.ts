import { readFileSync } from "node:fs"
import { resolve } from "node:path"

import { MedusaError } from "@medusajs/framework/utils"

import type { Catalog } from "../schema"
import { findCatalogProblems, parseCatalog, type CatalogProblem } from "../validate"

const ROOT = resolve(__dirname, "../../../..")
const SMALL_FIXTURE = resolve(ROOT, "integration-tests/fixtures/catalog-small.json")
const BAD_FIXTURE = resolve(ROOT, "integration-tests/fixtures/catalog-bad.json")
const REAL_CATALOG = resolve(ROOT, "data/catalog.json")

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, "utf8"))
}

/** A fresh, mutable copy of the small fixture (valid as shipped). */
function smallCatalog(): Catalog {
  return JSON.parse(readFileSync(SMALL_FIXTURE, "utf8"))
}

function paths(problems: CatalogProblem[]): string[] {
  return problems.map((p) => p.path)
}

/** The only problem found, failing if there is not exactly one. */
function onlyProblem(input: unknown): CatalogProblem {
  const problems = findCatalogProblems(input)
  expect(problems).toHaveLength(1)
  return problems[0]
}

describe("findCatalogProblems", () => {
  it("finds nothing wrong with the small fixture", () => {
    expect(findCatalogProblems(readJson(SMALL_FIXTURE))).toEqual([])
  })

  it("finds nothing wrong with the shipped catalog, which has at least 60 products", () => {
    const real = readJson(REAL_CATALOG)

    expect(findCatalogProblems(real)).toEqual([])
    expect(parseCatalog(real).products.length).toBeGreaterThanOrEqual(60)
  })

  it("reports every problem of the bad fixture with its location", () => {
    const problems = findCatalogProblems(readJson(BAD_FIXTURE))

    expect(paths(problems).sort()).toEqual(
      [
        "products[0].variants[1].sku",
        "products[1].title",
        "products[2].variants[0].prices.usd",
      ].sort()
    )
  })

  describe("references", () => {
    it("flags a product in an unknown category", () => {
      const catalog = smallCatalog()
      catalog.products[0].category_handles = ["fixture-apparel", "no-such-category"]

      expect(onlyProblem(catalog)).toEqual({
        path: "products[0].category_handles[1]",
        message: 'unknown category "no-such-category"',
      })
    })

    it("flags a product in an unknown collection", () => {
      const catalog = smallCatalog()
      catalog.products[2].collection_handle = "ghost-collection"

      expect(onlyProblem(catalog)).toEqual({
        path: "products[2].collection_handle",
        message: 'unknown collection "ghost-collection"',
      })
    })

    it("flags a category with an unknown parent", () => {
      const catalog = smallCatalog()
      catalog.categories[1].parent_handle = "ghost-parent"

      expect(onlyProblem(catalog)).toEqual({
        path: "categories[1].parent_handle",
        message: 'unknown category "ghost-parent"',
      })
    })
  })

  describe("uniqueness", () => {
    it("flags duplicate category and collection handles", () => {
      const catalog = smallCatalog()
      catalog.categories.push({ ...catalog.categories[0] })
      catalog.collections.push({ ...catalog.collections[0] })

      expect(paths(findCatalogProblems(catalog))).toEqual(["categories[2].handle", "collections[1].handle"])
    })

    it("flags a category that is its own ancestor", () => {
      const catalog = smallCatalog()
      catalog.categories[0].parent_handle = catalog.categories[1].handle

      expect(paths(findCatalogProblems(catalog))).toEqual([
        "categories[0].parent_handle",
        "categories[1].parent_handle",
      ])
    })

    it("flags a repeated option title and repeated option values", () => {
      const catalog = smallCatalog()
      catalog.products[2].options[0].values.push(catalog.products[2].options[0].values[0])
      catalog.products[0].options[1].title = "Size"

      const found = paths(findCatalogProblems(catalog))
      expect(found).toContain("products[0].options[1].title")
      expect(found).toContain("products[2].options[0].values")
    })

    it("names the first product when a handle appears three times", () => {
      const catalog = smallCatalog()
      catalog.products[1].handle = catalog.products[0].handle
      catalog.products[2].handle = catalog.products[0].handle

      const messages = findCatalogProblems(catalog).map((p) => p.message)
      expect(messages.filter((m) => m.includes("also products[0]"))).toHaveLength(2)
    })

    it("flags a duplicate product handle, naming the first product", () => {
      const catalog = smallCatalog()
      catalog.products[2].handle = catalog.products[0].handle

      const problem = onlyProblem(catalog)
      expect(problem.path).toBe("products[2].handle")
      expect(problem.message).toContain('duplicate handle "fixture-adire-tee"')
      expect(problem.message).toContain("products[0]")
    })

    it("flags a SKU used by another product, naming its first owner", () => {
      const catalog = smallCatalog()
      catalog.products[2].variants[1].sku = catalog.products[0].variants[1].sku

      const problem = onlyProblem(catalog)
      expect(problem.path).toBe("products[2].variants[1].sku")
      expect(problem.message).toContain('duplicate SKU "FIX-TEE-M-IND"')
      expect(problem.message).toContain("products[0].variants[1]")
    })

    it("flags a SKU repeated within one product", () => {
      const catalog = smallCatalog()
      catalog.products[2].variants[1].sku = catalog.products[2].variants[0].sku

      expect(onlyProblem(catalog).path).toBe("products[2].variants[1].sku")
    })

    it("flags two variants with the same option combination", () => {
      const catalog = smallCatalog()
      catalog.products[0].variants[1].options.Size = "S"

      const problem = onlyProblem(catalog)
      expect(problem.path).toBe("products[0].variants[1].options")
      expect(problem.message).toContain('"S / Indigo"')
      expect(problem.message).toContain("twice")
    })
  })

  describe("variant options", () => {
    it("flags a value that is not one of the option's values", () => {
      const catalog = smallCatalog()
      catalog.products[0].variants[0].options.Size = "XL"

      expect(onlyProblem(catalog)).toEqual({
        path: "products[0].variants[0].options.Size",
        message: '"XL" is not one of the option\'s values',
      })
    })

    it("flags a variant missing a value for one of the options", () => {
      const catalog = smallCatalog()
      delete catalog.products[0].variants[1].options.Colour

      expect(onlyProblem(catalog)).toEqual({
        path: "products[0].variants[1].options",
        message: 'missing a value for option "Colour"',
      })
    })

    it("flags a value for an option the product does not have", () => {
      const catalog = smallCatalog()
      catalog.products[1].variants[0].options.Material = "Leather"

      expect(onlyProblem(catalog)).toEqual({
        path: "products[1].variants[0].options.Material",
        message: 'product has no option "Material"',
      })
    })
  })

  describe("field formats", () => {
    it("flags a price with three decimals", () => {
      const catalog = smallCatalog()
      catalog.products[0].variants[1].prices.ngn = "12500.125"

      const problem = onlyProblem(catalog)
      expect(problem.path).toBe("products[0].variants[1].prices.ngn")
      expect(problem.message).toMatch(/at most 2 decimals/)
    })

    it("flags a price written as a number instead of a string", () => {
      const catalog: unknown = JSON.parse(
        readFileSync(SMALL_FIXTURE, "utf8").replace('"usd": "19.99"', '"usd": 19.99')
      )

      expect(onlyProblem(catalog).path).toBe("products[0].variants[0].prices.usd")
    })

    it("flags a variant without any price", () => {
      const catalog = smallCatalog()
      catalog.products[1].variants[0].prices = {}

      expect(onlyProblem(catalog)).toEqual({
        path: "products[1].variants[0].prices",
        message: "needs an ngn or a usd price",
      })
    })

    it("flags a product handle that is not kebab-case", () => {
      const catalog = smallCatalog()
      catalog.products[1].handle = "Fixture_Card_Holder"

      expect(onlyProblem(catalog)).toEqual({
        path: "products[1].handle",
        message: "must be lowercase kebab-case",
      })
    })

    it("flags a category handle that is not kebab-case", () => {
      const catalog = smallCatalog()
      catalog.categories[0].handle = "fixture--apparel"

      const problems = findCatalogProblems(catalog)
      expect(problems).toContainEqual({
        path: "categories[0].handle",
        message: "must be lowercase kebab-case",
      })
    })

    it("flags a lower-case SKU", () => {
      const catalog = smallCatalog()
      catalog.products[1].variants[0].sku = "fix-card-os"

      expect(onlyProblem(catalog).path).toBe("products[1].variants[0].sku")
    })

    it("flags unknown product fields", () => {
      const catalog: unknown = JSON.parse(
        readFileSync(SMALL_FIXTURE, "utf8").replace(
          '"handle": "fixture-card-holder",',
          '"handle": "fixture-card-holder", "colour": "brown",'
        )
      )

      const problem = onlyProblem(catalog)
      expect(problem.path).toBe("products[1]")
      expect(problem.message).toContain("colour")
    })
  })

  describe("top-level shape", () => {
    it("flags a file without products", () => {
      const { categories, collections } = smallCatalog()

      expect(paths(findCatalogProblems({ categories, collections }))).toEqual([
        "products",
      ])
    })

    it("flags products that are not a list", () => {
      const { categories, collections } = smallCatalog()

      const problem = onlyProblem({ categories, collections, products: {} })
      expect(problem.path).toBe("products")
    })

    it("flags every missing top-level list at once", () => {
      expect(paths(findCatalogProblems({})).sort()).toEqual([
        "categories",
        "collections",
        "products",
      ])
    })

    it("flags unknown top-level keys", () => {
      const problem = onlyProblem({ ...smallCatalog(), regions: [] })

      expect(problem.message).toContain("regions")
    })

    it("rejects input that is not an object", () => {
      expect(findCatalogProblems(null).length).toBeGreaterThan(0)
      expect(findCatalogProblems([]).length).toBeGreaterThan(0)
      expect(findCatalogProblems("catalog").length).toBeGreaterThan(0)
    })
  })

  it("keeps checking the other products after one fails its schema", () => {
    const catalog = smallCatalog()
    catalog.products[0].title = " "
    catalog.products[1].category_handles = ["ghost-category"]
    catalog.products[2].variants[0].options.Colour = "Teal"

    expect(paths(findCatalogProblems(catalog))).toEqual([
      "products[0].title",
      "products[1].category_handles[0]",
      "products[2].variants[0].options.Colour",
    ])
  })
})

describe("parseCatalog", () => {
  it("returns the parsed catalog for a valid file", () => {
    const catalog = parseCatalog(readJson(SMALL_FIXTURE))

    expect(catalog.products.map((p) => p.handle)).toEqual([
      "fixture-adire-tee",
      "fixture-card-holder",
      "fixture-silk-scarf",
    ])
    expect(catalog.categories.map((c) => c.handle)).toEqual([
      "fixture-apparel",
      "fixture-apparel-tops",
    ])
    expect(catalog.products[0].variants[0].prices).toEqual({
      ngn: "12500",
      usd: "19.99",
    })
  })

  it("fills in defaults such as an empty image list", () => {
    const catalog = smallCatalog()
    const { images: _images, ...withoutImages } = catalog.products[1]
    const input = { ...catalog, products: [catalog.products[0], withoutImages] }

    expect(parseCatalog(input).products[1].images).toEqual([])
  })

  it("throws one INVALID_DATA error listing every problem with its location", () => {
    const catalog = smallCatalog()
    catalog.products[0].category_handles = ["ghost-category"]
    catalog.products[1].variants[0].prices = {}
    catalog.products[2].variants[1].sku = catalog.products[2].variants[0].sku
    const expected = findCatalogProblems(catalog)
    expect(expected).toHaveLength(3)

    let thrown: unknown
    try {
      parseCatalog(catalog)
    } catch (error) {
      thrown = error
    }

    expect(thrown).toBeInstanceOf(MedusaError)
    if (!(thrown instanceof MedusaError)) {
      return
    }
    expect(thrown.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(thrown.message).toContain("3 problem(s)")
    for (const problem of expected) {
      expect(thrown.message).toContain(`${problem.path}: ${problem.message}`)
    }
  })

  it("throws for a top-level shape error", () => {
    expect(() => parseCatalog({ categories: [], collections: [] })).toThrow(
      /products/
    )
  })
})
