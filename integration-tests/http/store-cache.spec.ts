import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  updateCollectionsWorkflow,
  updateInventoryLevelsWorkflow,
  updateProductCategoriesWorkflow,
  updateProductVariantsWorkflow,
  updateRegionsWorkflow,
} from "@medusajs/medusa/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import Redis from "ioredis"
import type { StoreSetup } from "../../src/lib/setup/store"
import { FX_MODULE } from "../../src/modules/fx"
import type FxModuleService from "../../src/modules/fx/service"
import type StoreCacheModuleService from "../../src/modules/store-cache/service"
import { createFxRateWorkflow } from "../../src/workflows/fx/create-fx-rate"
import { repriceDerivedPricesWorkflow } from "../../src/workflows/fx/reprice-derived-prices"
import { PaymentFakes, startPaymentFakes } from "../utils/env"
import { Headers, registerCustomer } from "../utils/orders"
import { adminHeaders, seedStore, storeHeaders } from "../utils/store"
import { waitFor } from "../utils/wait-for"

jest.setTimeout(180_000)

/** Its own Redis database: the cache, event bus and workflow engine of this app only. */
const REDIS_URL = "redis://127.0.0.1:6379/12"
const SKU = "FIX-TEE-S-IND"
const savedEnv = { REDIS_URL: process.env.REDIS_URL, STORE_CACHE_TTL_SECONDS: process.env.STORE_CACHE_TTL_SECONDS }

/** The Redis event bus's queue (BullMQ): emitted events wait here until their subscribers ran. */
const EVENT_QUEUE = "RedisEventBusService:events-queue"

let fakes: PaymentFakes
let redis: Redis

/** How many emitted events are not handled yet. */
async function pendingEvents(): Promise<number> {
  const counts = await Promise.all([
    redis.llen(`${EVENT_QUEUE}:wait`),
    redis.llen(`${EVENT_QUEUE}:active`),
    redis.llen(`${EVENT_QUEUE}:paused`),
    redis.zcard(`${EVENT_QUEUE}:prioritized`),
    redis.zcard(`${EVENT_QUEUE}:delayed`),
  ])
  return counts.reduce((sum, count) => sum + count, 0)
}

beforeAll(async () => {
  redis = new Redis(REDIS_URL)
  await redis.flushdb()
  process.env.REDIS_URL = REDIS_URL
  // Far past any wait below: an entry can only be replaced by an invalidation, never by
  // expiring, so a change seen in a test was seen because the cache was invalidated.
  process.env.STORE_CACHE_TTL_SECONDS = "3600"
  process.env.RATE_LIMIT_AUTH_PER_MINUTE = "1000"
  fakes = await startPaymentFakes()
})

afterAll(async () => {
  redis?.disconnect()
  await fakes?.paystack.close()
  await fakes?.stripe.close()
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) {
      delete process.env[name]
    } else {
      process.env[name] = value
    }
  }
})

type Price = { id: string; currency_code: string; amount: number }
type Reply = { status: number; headers: Record<string, string | undefined>; data: Record<string, unknown> }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let setup: StoreSetup
    let admin: Headers
    let productId: string
    let variantId: string

    const get = (url: string, headers: Headers, extra: Record<string, string> = {}) =>
      api.get(url, { headers: { ...headers.headers, ...extra }, validateStatus: () => true }) as Promise<Reply>

    /** Asks until the cache answers (HIT); every answer on the way must be a 200 that passes `check`. */
    const cachedRead = (url: string, headers: Headers = storeHeaders(setup), check: (reply: Reply) => void = () => undefined) =>
      waitFor(
        async () => {
          const reply = await get(url, headers)
          expect(reply.status).toBe(200)
          check(reply)
          return reply.headers["x-cache"] === "HIT" && reply
        },
        { what: `a cached answer to ${url}` }
      )

    /**
     * Caches every read (each a HIT not yet showing the change), makes the change outside
     * the admin API, then waits until each read shows it: with entries living an hour,
     * only the event subscriber's invalidation can bring the change in.
     */
    const expectChangeSeen = async (reads: { url: string; shows: (reply: Reply) => boolean }[], change: () => Promise<unknown>) => {
      const before: Reply[] = []
      for (const { url, shows } of reads) {
        const cached = await cachedRead(url)
        expect(shows(cached)).toBe(false)
        before.push(cached)
      }
      await change()
      for (const [index, { url, shows }] of reads.entries()) {
        const seen = await waitFor(
          async () => {
            const reply = await get(url, storeHeaders(setup))
            expect(reply.status).toBe(200)
            return shows(reply) && reply
          },
          { what: `${url} to show the change` }
        )
        expect(seen.headers["x-cache"]).toBe("MISS")
        expect(seen.headers.etag).not.toBe(before[index].headers.etag)
      }
    }

    const productUrl = () => `/store/products/${productId}?region_id=${setup.regions.nigeria}&fields=id,*variants.calculated_price`

    /** The NGN price the store shows for the variant, and whether it came from the cache. */
    const storePrice = async (headers: Headers = storeHeaders(setup)) => {
      const reply = await get(productUrl(), headers)
      expect(reply.status).toBe(200)
      const product = reply.data.product as { variants: { id: string; calculated_price: { calculated_amount: number } }[] }
      const variant = product.variants.find((v) => v.id === variantId)!
      return { amount: variant.calculated_price.calculated_amount, cache: reply.headers["x-cache"], reply }
    }

    const variantPrices = async (): Promise<Price[]> => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({
        entity: "product_variant",
        fields: ["prices.id", "prices.currency_code", "prices.amount"],
        filters: { id: variantId },
      })
      return (data[0] as unknown as { prices: Price[] }).prices
    }

    const setNgnPrice = async (amount: number) => {
      const prices = await variantPrices()
      const response = await api.post(
        `/admin/products/${productId}/variants/${variantId}`,
        { prices: prices.map((p) => ({ id: p.id, currency_code: p.currency_code, amount: p.currency_code === "ngn" ? amount : p.amount })) },
        admin
      )
      expect(response.status).toBe(200)
    }

    beforeAll(async () => {
      setup = await seedStore(getContainer())
      admin = await adminHeaders(api)
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "product_variant", fields: ["id", "product_id"], filters: { sku: SKU } })
      variantId = data[0].id
      productId = data[0].product_id as string
    })

    // Each test starts from the database as seeded; entries cached by the test before are not of that database.
    // The events of the seed or of the test before are handled first, so none moves the cache on mid-test.
    beforeEach(async () => {
      await waitFor(async () => (await pendingEvents()) === 0, { what: "the events emitted so far to be handled" })
      await getContainer().resolve<StoreCacheModuleService>("store_cache").invalidate()
    })

    it("serves a repeated read from the cache and shows a price changed through the admin API on the next read", async () => {
      const first = await storePrice()
      expect(first.cache).toBe("MISS")
      const second = await storePrice()
      expect(second.cache).toBe("HIT")
      expect(second.amount).toBe(first.amount)
      expect(second.reply.data).toEqual(first.reply.data)

      const changed = first.amount + 1234
      await setNgnPrice(changed)
      const next = await storePrice()
      expect(next.amount).toBe(changed)
      expect(next.cache).toBe("MISS")

      // The listing is keyed apart from the detail, and by its query whatever the parameter order.
      const listing = (query: string) => get(`/store/products?${query}`, storeHeaders(setup))
      // (The price change's own events may still move the version on once more: ask until an entry holds.)
      await waitFor(async () => (await listing(`region_id=${setup.regions.nigeria}&limit=5&fields=id`)).status === 200 &&
        (await listing(`fields=id&limit=5&region_id=${setup.regions.nigeria}`)).headers["x-cache"] === "HIT")
      const usd = await listing(`region_id=${setup.regions.international}&limit=5&fields=id`)
      expect(usd.headers["x-cache"]).toBe("MISS")
    })

    it("shows a change made outside the admin API (a module write) once its event is handled", async () => {
      const before = await storePrice()
      await storePrice()
      // As a job or an import would: Medusa's workflow, run in the process, not an HTTP request.
      const prices = await variantPrices()
      await updateProductVariantsWorkflow(getContainer()).run({
        input: {
          product_variants: [
            {
              id: variantId,
              prices: prices.map((p) => ({
                id: p.id,
                currency_code: p.currency_code,
                amount: p.currency_code === "ngn" ? before.amount + 777 : p.amount,
              })),
            },
          ],
        },
      })
      const seen = await waitFor(async () => {
        const now = await storePrice()
        return now.amount === before.amount + 777 && now
      })
      expect(seen.cache).toBe("MISS")
    })

    it("answers 304 to a matching If-None-Match, and a new ETag after a change", async () => {
      const { reply } = await storePrice()
      const etag = reply.headers.etag!
      expect(etag).toMatch(/^W\/"/)
      expect(reply.headers["cache-control"]).toBe("public, no-cache")

      const revalidated = await get(productUrl(), storeHeaders(setup), { "if-none-match": etag })
      expect(revalidated.status).toBe(304)
      expect(revalidated.data).toBeFalsy()

      await setNgnPrice((await storePrice()).amount + 1)
      const changed = await get(productUrl(), storeHeaders(setup), { "if-none-match": etag })
      expect(changed.status).toBe(200)
      expect(changed.headers.etag).not.toBe(etag)
    })

    it("gives customers in a group with its own prices their price, never another customer's cached answer", async () => {
      const base = (await storePrice()).amount
      const { data: group } = await api.post("/admin/customer-groups", { name: "Wholesale" }, admin)
      const wholesale = await registerCustomer(api, setup, {
        email: "wholesale@example.com",
        password: "wholesale-password-1",
        first_name: "Wale",
        last_name: "Sale",
      })
      const retail = await registerCustomer(api, setup, {
        email: "retail@example.com",
        password: "retail-password-1",
        first_name: "Reti",
        last_name: "Tail",
      })
      await api.post(`/admin/customer-groups/${group.customer_group.id}/customers`, { add: [wholesale.id] }, admin)
      const groupPrice = base - 1000
      const priceList = await api.post(
        "/admin/price-lists",
        {
          title: "Wholesale prices",
          description: "For the wholesale group",
          type: "override",
          status: "active",
          rules: { "customer.groups.id": [group.customer_group.id] },
          prices: [{ variant_id: variantId, amount: groupPrice, currency_code: "ngn" }],
        },
        admin
      )
      expect(priceList.status).toBe(200)

      // Each asks in turns until a round is served entirely from the cache (the price list's own
      // events may move the version on once more): every answer is checked, so none could be another's.
      let servedFromCache = false
      for (let round = 0; round < 5 && !servedFromCache; round++) {
        const asWholesale = await storePrice(wholesale.headers)
        const asRetail = await storePrice(retail.headers)
        const anonymous = await storePrice()
        expect([asWholesale.amount, asRetail.amount, anonymous.amount]).toEqual([groupPrice, base, base])
        expect(asWholesale.reply.headers["cache-control"]).toBe("private, no-cache")
        servedFromCache = [asWholesale.cache, asRetail.cache, anonymous.cache].every((cache) => cache === "HIT")
      }
      expect(servedFromCache).toBe(true)
    })

    it("never caches writes or a customer's own data", async () => {
      const customer = await registerCustomer(api, setup, {
        email: "private@example.com",
        password: "private-password-1",
        first_name: "Before",
        last_name: "Change",
      })
      const me = async () => get("/store/customers/me", customer.headers)
      const first = await me()
      expect(first.headers["x-cache"]).toBeUndefined()
      await api.post("/store/customers/me", { first_name: "After" }, customer.headers)
      const second = await me()
      expect((second.data.customer as { first_name: string }).first_name).toBe("After")
      expect(second.headers["x-cache"]).toBeUndefined()

      const cartA = await api.post("/store/carts", { region_id: setup.regions.nigeria }, storeHeaders(setup))
      const cartB = await api.post("/store/carts", { region_id: setup.regions.nigeria }, storeHeaders(setup))
      expect(cartA.headers["x-cache"]).toBeUndefined()
      expect(cartA.data.cart.id).not.toBe(cartB.data.cart.id)
      const cartRead = await get(`/store/carts/${cartA.data.cart.id}`, storeHeaders(setup))
      expect(cartRead.status).toBe(200)
      expect(cartRead.headers["x-cache"]).toBeUndefined()
    })

    it("keys entries by the publishable key's sales channels: one key's cached answer is never served for another", async () => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data: products } = await query.graph({ entity: "product", fields: ["id", "handle"] })
      const allHandles = products.map((product) => product.handle as string).sort()
      const cardHolder = products.find((product) => product.handle === "fixture-card-holder")!
      expect(allHandles.length).toBeGreaterThan(1)

      // A second storefront whose key's sales channel sells the card holder only.
      const { data: channel } = await api.post("/admin/sales-channels", { name: "Outlet" }, admin)
      await api.post(`/admin/sales-channels/${channel.sales_channel.id}/products`, { add: [cardHolder.id] }, admin)
      const { data: key } = await api.post("/admin/api-keys", { title: "Outlet storefront", type: "publishable" }, admin)
      await api.post(`/admin/api-keys/${key.api_key.id}/sales-channels`, { add: [channel.sales_channel.id] }, admin)
      const outlet: Headers = { headers: { "x-publishable-api-key": key.api_key.token } }

      const listing = "/store/products?fields=id,handle&order=handle&limit=50"
      const handlesOf = (reply: Reply) => (reply.data.products as { handle: string }[]).map((product) => product.handle)
      await cachedRead(listing, storeHeaders(setup), (reply) => expect(handlesOf(reply)).toEqual(allHandles))

      // The same URL with the other key, while the first key's listing sits in the cache.
      const outletFirst = await get(listing, outlet)
      expect(outletFirst.status).toBe(200)
      expect(outletFirst.headers["x-cache"]).toBe("MISS")
      expect(handlesOf(outletFirst)).toEqual(["fixture-card-holder"])
      await cachedRead(listing, outlet, (reply) => expect(handlesOf(reply)).toEqual(["fixture-card-holder"]))
      await cachedRead(listing, storeHeaders(setup), (reply) => expect(handlesOf(reply)).toEqual(allHandles))

      // A product the outlet does not sell: cached for the first key, still not found with the outlet's.
      const detail = `/store/products/${productId}?fields=id`
      await cachedRead(detail, storeHeaders(setup))
      const notSold = await get(detail, outlet)
      expect(notSold.status).toBe(404)
      expect(notSold.headers["x-cache"]).toBe("MISS")
    })

    it("caches categories, collections and regions, list and detail, answering the same body", async () => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data: categories } = await query.graph({ entity: "product_category", fields: ["id"], filters: { handle: "fixture-apparel" } })
      const { data: collections } = await query.graph({ entity: "product_collection", fields: ["id"], filters: { handle: "fixture-collection" } })
      const [category, collection] = [categories[0], collections[0]]
      const handles = (list: unknown) => (list as { handle: string }[]).map((item) => item.handle)
      const reads: [string, (reply: Reply) => void][] = [
        ["/store/product-categories", (r) => expect(handles(r.data.product_categories)).toEqual(expect.arrayContaining(["fixture-apparel", "fixture-apparel-tops"]))],
        [`/store/product-categories/${category.id}`, (r) => expect(r.data.product_category).toMatchObject({ id: category.id, handle: "fixture-apparel" })],
        ["/store/collections", (r) => expect(handles(r.data.collections)).toContain("fixture-collection")],
        [`/store/collections/${collection.id}`, (r) => expect(r.data.collection).toMatchObject({ id: collection.id, handle: "fixture-collection" })],
        ["/store/regions", (r) => expect((r.data.regions as { id: string }[]).map((region) => region.id).sort()).toEqual(Object.values(setup.regions).sort())],
        [`/store/regions/${setup.regions.nigeria}`, (r) => expect(r.data.region).toMatchObject({ id: setup.regions.nigeria, currency_code: "ngn" })],
      ]
      for (const [url, check] of reads) {
        const first = await get(url, storeHeaders(setup))
        expect(first.status).toBe(200)
        check(first)
        expect(first.headers["x-cache"]).toBe("MISS")
        const cached = await cachedRead(url, storeHeaders(setup), (reply) => expect(reply.data).toEqual(first.data))
        expect(cached.headers.etag).toBe(first.headers.etag)
      }
    })

    it("says in Vary every request header the answer depends on, the session cookie included", async () => {
      const varyOf = (reply: Reply) => (reply.headers.vary ?? "").split(",").map((name) => name.trim().toLowerCase())
      const wanted = ["authorization", "cookie", "x-publishable-api-key", "x-medusa-locale"]
      const first = await storePrice()
      expect(first.cache).toBe("MISS")
      expect(varyOf(first.reply)).toEqual(expect.arrayContaining(wanted))
      const cached = await cachedRead(productUrl())
      expect(varyOf(cached)).toEqual(expect.arrayContaining(wanted))
    })

    describe("a change made outside the admin API (a workflow, as a job or import runs it) is in the next store read once its events are handled", () => {
      it("inventory: a level's stocked quantity, as variants.inventory_quantity", async () => {
        const url = `/store/products/${productId}?fields=${encodeURIComponent("+variants.inventory_quantity")}`
        const quantityOf = (reply: Reply) =>
          (reply.data.product as { variants: { id: string; inventory_quantity: number }[] }).variants.find((v) => v.id === variantId)!
            .inventory_quantity
        const shown = quantityOf(await cachedRead(url))
        expect(typeof shown).toBe("number")

        const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
        const { data } = await query.graph({ entity: "product_variant", fields: ["inventory_items.inventory_item_id"], filters: { id: variantId } })
        const inventoryItemId = (data[0] as unknown as { inventory_items: { inventory_item_id: string }[] }).inventory_items[0].inventory_item_id
        const [level] = await getContainer()
          .resolve(Modules.INVENTORY)
          .listInventoryLevels({ inventory_item_id: inventoryItemId, location_id: setup.stock_location_id })

        await expectChangeSeen([{ url, shows: (reply) => quantityOf(reply) === shown + 37 }], () =>
          updateInventoryLevelsWorkflow(getContainer()).run({
            input: {
              updates: [{ inventory_item_id: inventoryItemId, location_id: setup.stock_location_id, stocked_quantity: level.stocked_quantity + 37 }],
            },
          })
        )
      })

      it("a product category renamed", async () => {
        const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
        const { data } = await query.graph({ entity: "product_category", fields: ["id"], filters: { handle: "fixture-apparel-tops" } })
        const id = data[0].id as string
        const name = "Fixture Tops (renamed by a workflow)"
        const named = (list: unknown) => (list as { id: string; name: string }[]).find((c) => c.id === id)?.name === name
        await expectChangeSeen(
          [
            { url: `/store/product-categories/${id}`, shows: (reply) => named([reply.data.product_category]) },
            { url: "/store/product-categories", shows: (reply) => named(reply.data.product_categories) },
          ],
          () => updateProductCategoriesWorkflow(getContainer()).run({ input: { selector: { id }, update: { name } } })
        )
      })

      it("a collection renamed", async () => {
        const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
        const { data } = await query.graph({ entity: "product_collection", fields: ["id"], filters: { handle: "fixture-collection" } })
        const id = data[0].id as string
        const title = "Fixture Collection (renamed by a workflow)"
        const titled = (list: unknown) => (list as { id: string; title: string }[]).find((c) => c.id === id)?.title === title
        await expectChangeSeen(
          [
            { url: `/store/collections/${id}`, shows: (reply) => titled([reply.data.collection]) },
            { url: "/store/collections", shows: (reply) => titled(reply.data.collections) },
          ],
          () => updateCollectionsWorkflow(getContainer()).run({ input: { selector: { id }, update: { title } } })
        )
      })

      it("a region changed", async () => {
        const id = setup.regions.international
        const regionName = async () => (await getContainer().resolve(Modules.REGION).retrieveRegion(id)).name
        const original = await regionName()
        const name = `${original} (renamed by a workflow)`
        const named = (list: unknown) => (list as { id: string; name: string }[]).find((r) => r.id === id)?.name === name
        try {
          await expectChangeSeen(
            [
              { url: `/store/regions/${id}`, shows: (reply) => named([reply.data.region]) },
              { url: "/store/regions", shows: (reply) => named(reply.data.regions) },
            ],
            () => updateRegionsWorkflow(getContainer()).run({ input: { selector: { id }, update: { name } } })
          )
        } finally {
          await updateRegionsWorkflow(getContainer()).run({ input: { selector: { id }, update: { name: original } } })
        }
      })

      it("an FX reprice: a new rate, then the reprice workflow moving derived prices", async () => {
        // The card holder is priced in NGN only: its USD price is derived from the rate.
        const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
        const usdPriceOf = async () => {
          const { data } = await query.graph({
            entity: "product_variant",
            fields: ["id", "product_id", "prices.currency_code", "prices.amount", "prices.rules_count"],
            filters: { sku: "FIX-CARD-OS" },
          })
          const variant = data[0] as unknown as { id: string; product_id: string; prices: (Price & { rules_count: number })[] }
          return { variant, usd: variant.prices.find((p) => p.currency_code === "usd" && !p.rules_count)!.amount }
        }
        const { variant, usd: before } = await usdPriceOf()
        const url = `/store/products/${variant.product_id}?region_id=${setup.regions.international}&fields=id,*variants.calculated_price`
        const amountOf = (reply: Reply) =>
          (reply.data.product as { variants: { id: string; calculated_price: { calculated_amount: number } }[] }).variants.find(
            (v) => v.id === variant.id
          )!.calculated_price.calculated_amount
        let after: number | undefined
        await expectChangeSeen([{ url, shows: (reply) => after !== undefined && amountOf(reply) === after }], async () => {
          const { rate } = await getContainer().resolve<FxModuleService>(FX_MODULE).getEffectiveRate("usd", "ngn")
          await createFxRateWorkflow(getContainer()).run({
            input: { base_currency: "usd", quote_currency: "ngn", rate: Number(rate) + 50, effective_at: new Date() },
          })
          const { result } = await repriceDerivedPricesWorkflow(getContainer()).run()
          expect(result.repriced).toBeGreaterThan(0)
          after = (await usdPriceOf()).usd
          expect(after).not.toBe(before)
        })
      })
    })
  },
})
