import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { usePaymentFakes } from "../utils/env"
import { adminHeaders, seedStore } from "../utils/store"

jest.setTimeout(120_000)

// The app reads the payment fakes' addresses from the environment at boot.
usePaymentFakes()

type Headers = { headers: Record<string, string> }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: Headers

    beforeAll(async () => {
      await seedStore(getContainer())
      admin = await adminHeaders(api)
    })

    const prices = async (sku: string) => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({
        entity: "product_variant",
        fields: ["id", "product_id", "prices.id", "prices.currency_code", "prices.amount"],
        filters: { sku },
      })
      const variant = data[0] as unknown as {
        id: string
        product_id: string
        prices: { id: string; currency_code: string; amount: number }[]
      }
      const amounts = Object.fromEntries(variant.prices.map((p) => [p.currency_code, p.amount]))
      return { variant, amounts }
    }

    const postRate = (body: object, headers: Headers = admin) =>
      api.post("/admin/fx-rates", body, headers).catch((e) => e.response)

    describe("GET|POST /admin/fx-rates", () => {
      it("lists the seeded rate and records a new one with its author", async () => {
        const { data: list } = await api.get("/admin/fx-rates", admin)
        expect(list.count).toBe(1)
        expect(list.fx_rates[0]).toMatchObject({ base_currency: "usd", quote_currency: "ngn", rate: 1550 })

        const created = await postRate({ base_currency: "usd", quote_currency: "ngn", rate: "1612.5" })
        expect(created.status).toBe(201)
        expect(created.data.fx_rate).toMatchObject({ rate: 1612.5, created_by: expect.stringMatching(/^user_/) })

        const { data: after } = await api.get("/admin/fx-rates?limit=1", admin)
        expect(after).toMatchObject({ count: 2, limit: 1, offset: 0 })
        expect(after.fx_rates[0].id).toBe(created.data.fx_rate.id)
      })

      it("rejects bad rates with the field at fault, and stores nothing", async () => {
        const cases: [object, RegExp][] = [
          [{ base_currency: "usd", quote_currency: "ngn", rate: "-3" }, /rate/],
          [{ base_currency: "usd", quote_currency: "ngn", rate: "abc" }, /rate/],
          [{ base_currency: "usd", quote_currency: "usd", rate: "1" }, /quote_currency/],
          [{ base_currency: "eur", quote_currency: "ngn", rate: "1700" }, /base_currency/],
          [{ base_currency: "usd", quote_currency: "ngn" }, /rate/],
          [{ base_currency: "usd", quote_currency: "ngn", rate: "1600", surprise: true }, /surprise/],
        ]
        for (const [body, field] of cases) {
          const response = await postRate(body)
          expect(response.status).toBe(400)
          expect(response.data.type).toBe("invalid_data")
          expect(response.data.message).toMatch(field)
        }
        const { data } = await api.get("/admin/fx-rates", admin)
        expect(data.count).toBe(1)
      })

      it("requires an admin session", async () => {
        expect((await api.get("/admin/fx-rates").catch((e) => e.response)).status).toBe(401)
        const response = await postRate({ base_currency: "usd", quote_currency: "ngn", rate: "1" }, { headers: {} })
        expect(response.status).toBe(401)
      })
    })

    describe("POST /admin/fx-rates/reprice", () => {
      it("moves derived prices to the rate in force and leaves hand-set prices alone", async () => {
        // Staff set the wine scarf's NGN price by hand (it was derived: 19,150).
        const wine = await prices("FIX-SCARF-WINE")
        await api.post(
          `/admin/products/${wine.variant.product_id}/variants/${wine.variant.id}`,
          {
            prices: wine.variant.prices.map((p) => ({
              id: p.id,
              currency_code: p.currency_code,
              amount: p.currency_code === "ngn" ? 25000 : p.amount,
            })),
          },
          admin
        )
        await postRate({ base_currency: "usd", quote_currency: "ngn", rate: "1600" })
        // A rate that takes effect later must not be used yet.
        await postRate({
          base_currency: "usd",
          quote_currency: "ngn",
          rate: "2000",
          effective_at: new Date(Date.now() + 86_400_000).toISOString(),
        })

        const { data } = await api.post("/admin/fx-rates/reprice", {}, admin)
        expect(data.reprice).toEqual({ repriced: 2, unchanged: 0, hand_set: 1 })

        // 9,500 / 1,600 = 5.94 -> 5.99; 12.35 x 1,600 = 19,760 -> 19,750
        expect((await prices("FIX-CARD-OS")).amounts).toEqual({ ngn: 9500, usd: 5.99 })
        expect((await prices("FIX-SCARF-GOLD")).amounts).toEqual({ ngn: 19750, usd: 12.35 })
        expect((await prices("FIX-SCARF-WINE")).amounts).toEqual({ ngn: 25000, usd: 12.35 })
        // Prices given in both currencies are never derived.
        expect((await prices("FIX-TEE-S-IND")).amounts).toEqual({ ngn: 12500, usd: 19.99 })

        const again = await api.post("/admin/fx-rates/reprice", {}, admin)
        expect(again.data.reprice).toEqual({ repriced: 0, unchanged: 2, hand_set: 0 })
        expect((await prices("FIX-SCARF-WINE")).amounts).toEqual({ ngn: 25000, usd: 12.35 })
      })
    })
  },
})
