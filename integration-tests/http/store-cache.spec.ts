import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { updateProductVariantsWorkflow } from "@medusajs/medusa/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import Redis from "ioredis"
import type { StoreSetup } from "../../src/lib/setup/store"
import type StoreCacheModuleService from "../../src/modules/store-cache/service"
import { PaymentFakes, startPaymentFakes } from "../utils/env"
import { Headers, registerCustomer } from "../utils/orders"
import { adminHeaders, seedStore, storeHeaders } from "../utils/store"
import { waitFor } from "../utils/wait-for"

jest.setTimeout(180_000)

/** Its own Redis database: the cache, event bus and workflow engine of this app only. */
const REDIS_URL = "redis://127.0.0.1:6379/12"
const SKU = "FIX-TEE-S-IND"
const savedRedisUrl = process.env.REDIS_URL

let fakes: PaymentFakes

beforeAll(async () => {
  const redis = new Redis(REDIS_URL)
  await redis.flushdb()
  redis.disconnect()
  process.env.REDIS_URL = REDIS_URL
  process.env.RATE_LIMIT_AUTH_PER_MINUTE = "1000"
  fakes = await startPaymentFakes()
})

afterAll(async () => {
  await fakes?.paystack.close()
  await fakes?.stripe.close()
  if (savedRedisUrl === undefined) {
    delete process.env.REDIS_URL
  } else {
    process.env.REDIS_URL = savedRedisUrl
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
    beforeEach(async () => {
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
  },
})
