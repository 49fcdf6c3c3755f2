import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { importCatalog } from "../../src/lib/catalog/import"
import { findCatalogProblems, parseCatalog } from "../../src/lib/catalog/validate"
import { StoreSetup } from "../../src/lib/setup/store"
import seed from "../../src/scripts/seed"
import { usePaymentFakes } from "../utils/env"
import { fixturePath, readJson, seedStore, storeHeaders } from "../utils/store"

jest.setTimeout(120_000)

// The app reads the payment fakes' addresses from the environment at boot.
usePaymentFakes()

type PriceRow = { id: string; currency_code: string; amount: number }
type VariantRow = { sku: string; prices: PriceRow[] }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let setup: StoreSetup

    beforeAll(async () => {
      setup = await seedStore(getContainer())
    })

    const snapshot = async () => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({
        entity: "product",
        fields: ["handle", "updated_at", "variants.sku", "variants.updated_at", "variants.prices.id", "variants.prices.currency_code", "variants.prices.amount"],
        filters: { handle: { $like: "fixture-%" } },
      })
      return data
    }

    const pricesBySku = async () => {
      const products = (await snapshot()) as unknown as { variants: VariantRow[] }[]
      const rows = products.flatMap((p) => p.variants)
      return Object.fromEntries(
        rows.map((v) => [v.sku, Object.fromEntries(v.prices.map((p) => [p.currency_code, p.amount]))])
      )
    }

    const writeCatalog = (catalog: unknown) => {
      const file = path.join(mkdtempSync(path.join(tmpdir(), "catalog-")), "catalog.json")
      writeFileSync(file, JSON.stringify(catalog))
      return file
    }

    it("imports every product with NGN and USD prices, deriving the missing one", async () => {
      expect(await pricesBySku()).toEqual({
        "FIX-TEE-S-IND": { ngn: 12500, usd: 19.99 },
        "FIX-TEE-M-IND": { ngn: 12500, usd: 19.99 },
        // 9,500 / 1,550 = 6.13 -> .99 ending
        "FIX-CARD-OS": { ngn: 9500, usd: 6.99 },
        // 12.35 x 1,550 = 19,142.5 -> nearest 50
        "FIX-SCARF-GOLD": { ngn: 19150, usd: 12.35 },
        "FIX-SCARF-WINE": { ngn: 19150, usd: 12.35 },
      })
    })

    it("changes nothing when the same catalog is imported again", async () => {
      const before = await snapshot()
      const report = await importCatalog(getContainer(), parseCatalog(readJson(fixturePath("catalog-small.json"))), {
        target: setup,
      })
      expect(report.products).toEqual({ created: 0, updated: 0, unchanged: 3 })
      expect(report.variants).toEqual({ created: 0, repriced: 0 })
      expect(report.categories).toEqual({ created: 0, updated: 0 })
      expect(await snapshot()).toEqual(before)
    })

    it("updates a price edited in the file, and the price derived from it", async () => {
      const catalog = readJson(fixturePath("catalog-small.json"))
      const card = catalog.products.find((p: { handle: string }) => p.handle === "fixture-card-holder")
      card.variants[0].prices.ngn = "15500"
      card.title = "Leather Card Holder (new season)"
      const report = await importCatalog(getContainer(), parseCatalog(catalog), { target: setup })

      expect(report.products).toEqual({ created: 0, updated: 1, unchanged: 2 })
      expect(report.variants.repriced).toBe(1)
      const prices = await pricesBySku()
      // 15,500 / 1,550 = 10 -> 9.99
      expect(prices["FIX-CARD-OS"]).toEqual({ ngn: 15500, usd: 9.99 })
      expect(prices["FIX-TEE-S-IND"]).toEqual({ ngn: 12500, usd: 19.99 })
    })

    it("adds a new variant with its stock at the warehouse", async () => {
      const catalog = readJson(fixturePath("catalog-small.json"))
      const tee = catalog.products.find((p: { handle: string }) => p.handle === "fixture-adire-tee")
      tee.variants.push({
        sku: "FIX-TEE-L-IND",
        title: "L / Indigo",
        options: { Size: "L", Colour: "Indigo" },
        prices: { ngn: "13500" },
        stock: 4,
      })
      const report = await importCatalog(getContainer(), parseCatalog(catalog), { target: setup })
      expect(report.variants).toEqual({ created: 1, repriced: 0 })
      expect(report.products).toEqual({ created: 0, updated: 1, unchanged: 2 })

      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({
        entity: "product_variant",
        fields: ["sku", "inventory_items.inventory.location_levels.stocked_quantity"],
        filters: { sku: "FIX-TEE-L-IND" },
      })
      const levels = data[0].inventory_items?.[0]?.inventory?.location_levels ?? []
      expect(levels.map((l) => l?.stocked_quantity)).toEqual([4])
      // 13,500 / 1,550 = 8.71 -> 8.99
      expect((await pricesBySku())["FIX-TEE-L-IND"]).toEqual({ ngn: 13500, usd: 8.99 })
    })

    it("rejects a bad file with every problem located, and writes nothing", async () => {
      const bad = readJson(fixturePath("catalog-bad.json"))
      expect(findCatalogProblems(bad)).toEqual([
        { path: "products[0].variants[1].sku", message: expect.stringContaining("duplicate SKU") },
        { path: "products[1].title", message: "must not be empty" },
        { path: "products[2].variants[0].prices.usd", message: expect.stringContaining("at most 2 decimals") },
      ])

      const before = await snapshot()
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data: regionsBefore } = await query.graph({ entity: "region", fields: ["id"] })
      await expect(
        seed({ container: getContainer(), args: [fixturePath("catalog-bad.json")] })
      ).rejects.toThrow(/products\[1\]\.title: must not be empty/)
      expect(await snapshot()).toEqual(before)
      const { data: regionsAfter } = await query.graph({ entity: "region", fields: ["id"] })
      expect(regionsAfter).toEqual(regionsBefore)
    })

    it("runs the seed script end to end and twice without changes", async () => {
      const catalog = readJson(fixturePath("catalog-small.json"))
      catalog.products[0].variants[0].prices.usd = "21.50"
      const file = writeCatalog(catalog)
      const statePath = path.join(path.dirname(file), "state.json")
      await seed({ container: getContainer(), args: [file, statePath] })
      const afterFirst = await snapshot()
      await seed({ container: getContainer(), args: [file, statePath] })
      expect(await snapshot()).toEqual(afterFirst)
      expect(readJson(statePath)).toEqual({ publishable_key: setup.publishable_key })
      expect((await pricesBySku())["FIX-TEE-S-IND"]).toEqual({ ngn: 12500, usd: 21.5 })
    })

    it("serves region prices through Medusa's store API", async () => {
      const list = async (regionId: string) => {
        const { data } = await api.get(
          `/store/products?region_id=${regionId}&handle=fixture-card-holder&fields=handle,*variants.calculated_price`,
          storeHeaders(setup)
        )
        return data.products[0].variants[0].calculated_price
      }
      const ngn = await list(setup.regions.nigeria)
      const usd = await list(setup.regions.international)
      expect([ngn.currency_code, ngn.calculated_amount]).toEqual(["ngn", 9500])
      expect([usd.currency_code, usd.calculated_amount]).toEqual(["usd", 6.99])
    })
  },
})
