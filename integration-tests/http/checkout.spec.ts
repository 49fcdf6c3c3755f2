import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { StoreSetup } from "../../src/lib/setup/store"
import { usePaymentFakes } from "../utils/env"
import { adminHeaders, seedStore, storeHeaders } from "../utils/store"
import { sleep, waitFor } from "../utils/wait-for"

jest.setTimeout(120_000)

const fakes = usePaymentFakes()

// Longer than Medusa's 5 s webhook processing delay, so a queued event would have run.
const WEBHOOK_SETTLE_MS = 8_000

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let setup: StoreSetup
    let admin: { headers: Record<string, string> }

    beforeAll(async () => {
      setup = await seedStore(getContainer())
      admin = await adminHeaders(api)
    })

    beforeEach(() => {
      fakes().paystack.reset()
      fakes().stripe.reset()
    })

    const variantId = async (sku: string) => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "product_variant", fields: ["id"], filters: { sku } })
      return data[0].id
    }

    /** A cart ready to pay: items, addresses and the first shipping option. */
    const prepareCart = async (regionId: string, countryCode: string, items: [string, number][]) => {
      const store = storeHeaders(setup)
      const email = "ada@example.com"
      const { data } = await api.post("/store/carts", { region_id: regionId, email }, store)
      const cartId = data.cart.id
      for (const [sku, quantity] of items) {
        await api.post(`/store/carts/${cartId}/line-items`, { variant_id: await variantId(sku), quantity }, store)
      }
      const address = {
        first_name: "Ada",
        last_name: "Obi",
        address_1: "1 Marina",
        city: countryCode === "ng" ? "Lagos" : "New York",
        country_code: countryCode,
        postal_code: "100001",
        phone: "+2348012345678",
      }
      await api.post(`/store/carts/${cartId}`, { shipping_address: address, billing_address: address }, store)
      const options = await api.get(`/store/shipping-options?cart_id=${cartId}`, store)
      const option = options.data.shipping_options.find((o: { name: string }) => /standard/i.test(o.name))
      await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: option.id }, store)
      const { data: cart } = await api.get(`/store/carts/${cartId}`, store)
      const collection = await api.post("/store/payment-collections", { cart_id: cartId }, store)
      return { cart: cart.cart, paymentCollectionId: collection.data.payment_collection.id, email }
    }

    const startSession = async (paymentCollectionId: string, providerId: string, data: object) => {
      const { data: body } = await api.post(
        `/store/payment-collections/${paymentCollectionId}/payment-sessions`,
        { provider_id: providerId, data },
        storeHeaders(setup)
      )
      return body.payment_collection.payment_sessions[0]
    }

    const orderForCart = async (cartId: string) => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: cartId } })
      return data[0]?.order_id as string | undefined
    }

    const waitForOrder = async (cartId: string) => {
      const orderId = await waitFor(() => orderForCart(cartId), { what: `order for cart ${cartId}` })
      const { data } = await api.get(
        `/admin/orders/${orderId}?fields=id,currency_code,total,item_total,shipping_total,*payment_collections.payments.captures`,
        admin
      )
      return data.order
    }

    const captures = (order: { payment_collections: { payments: { captures: unknown[] }[] }[] }) =>
      order.payment_collections.flatMap((pc) => pc.payments.flatMap((p) => p.captures))

    const postWebhook = (provider: string, event: { body: string | Buffer; headers: Record<string, string> }) =>
      api.post(`/hooks/payment/${provider}`, event.body, { headers: event.headers }).catch((e) => e.response)

    describe("NGN checkout with Paystack", () => {
      it("charges the exact kobo total and places the order on a signed charge.success", async () => {
        const { cart, paymentCollectionId, email } = await prepareCart(setup.regions.nigeria, "ng", [
          ["FIX-TEE-S-IND", 2],
          ["FIX-CARD-OS", 1],
        ])
        // Catalog NGN prices are VAT-inclusive: 2 x 12,500 + 9,500 + 3,500 delivery.
        expect(cart.currency_code).toBe("ngn")
        expect(cart.total).toBe(38_000)

        const session = await startSession(paymentCollectionId, "pp_paystack_paystack", { email })
        const initialize = fakes().paystack.requests.filter((r) => r.path === "/transaction/initialize")
        expect(initialize).toHaveLength(1)
        expect(initialize[0].body).toMatchObject({ amount: 3_800_000, currency: "NGN", email })
        expect(initialize[0].headers.authorization).toBe(`Bearer ${process.env.PAYSTACK_SECRET_KEY}`)
        expect(session.data.authorization_url).toMatch(/^https:\/\/checkout\.paystack\.com\//)

        const response = await postWebhook("paystack_paystack", fakes().paystack.chargeSuccessEvent(session.data.reference))
        expect(response.status).toBe(200)

        const order = await waitForOrder(cart.id)
        expect(order.currency_code).toBe("ngn")
        expect(order.item_total).toBe(34_500)
        expect(order.shipping_total).toBe(3_500)
        expect(order.total).toBe(38_000)
        expect(captures(order)).toHaveLength(1)
        const verified = fakes().paystack.requests.some((r) => r.path === `/transaction/verify/${session.data.reference}`)
        expect(verified).toBe(true)
      })

      it("rejects forged and unsigned webhooks and captures nothing", async () => {
        const { cart, paymentCollectionId, email } = await prepareCart(setup.regions.nigeria, "ng", [["FIX-CARD-OS", 1]])
        const session = await startSession(paymentCollectionId, "pp_paystack_paystack", { email })
        const genuine = fakes().paystack.chargeSuccessEvent(session.data.reference)

        const forged = await postWebhook("paystack_paystack", {
          body: genuine.body,
          headers: { ...genuine.headers, "x-paystack-signature": "0".repeat(128) },
        })
        const tampered = await postWebhook("paystack_paystack", {
          body: genuine.body.replace(/"amount":\d+/, '"amount":100'),
          headers: genuine.headers,
        })
        const unsigned = await postWebhook("paystack_paystack", {
          body: genuine.body,
          headers: { "content-type": "application/json" },
        })
        // Checked over the raw bytes before any parsing: a forged body that is not even JSON is still 401.
        const forgedMalformed = await postWebhook("paystack_paystack", {
          body: Buffer.from('{"event": "charge.success", '),
          headers: { ...genuine.headers, "x-paystack-signature": "0".repeat(128) },
        })
        for (const response of [forged, tampered, unsigned, forgedMalformed]) {
          expect(response.status).toBe(401)
          expect(response.data).toEqual({ type: "unauthorized", message: "Invalid webhook signature" })
        }

        await sleep(WEBHOOK_SETTLE_MS)
        expect(await orderForCart(cart.id)).toBeUndefined()
        const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
        const { data: payments } = await query.graph({ entity: "payment", fields: ["id"] })
        expect(payments).toHaveLength(0)
      })

      it("captures once when the same webhook is delivered three times", async () => {
        const { cart, paymentCollectionId, email } = await prepareCart(setup.regions.nigeria, "ng", [["FIX-TEE-M-IND", 1]])
        const session = await startSession(paymentCollectionId, "pp_paystack_paystack", { email })
        const event = fakes().paystack.chargeSuccessEvent(session.data.reference)

        for (let i = 0; i < 3; i++) {
          expect((await postWebhook("paystack_paystack", event)).status).toBe(200)
        }
        await waitForOrder(cart.id)
        await sleep(WEBHOOK_SETTLE_MS)

        const order = await waitForOrder(cart.id)
        expect(order.total).toBe(16_000)
        expect(captures(order)).toHaveLength(1)
        const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
        const { data: orders } = await query.graph({ entity: "order", fields: ["id"] })
        expect(orders).toHaveLength(1)
      })
    })

    describe("USD checkout with Stripe", () => {
      it("creates a payment intent in cents and places the order on payment_intent.succeeded", async () => {
        const { cart, paymentCollectionId } = await prepareCart(setup.regions.international, "us", [
          ["FIX-SCARF-GOLD", 2],
          ["FIX-TEE-S-IND", 1],
        ])
        // 2 x 12.35 + 19.99 + 25 international delivery; no US tax rate is configured.
        expect(cart.currency_code).toBe("usd")
        expect(cart.total).toBe(69.69)

        const session = await startSession(paymentCollectionId, "pp_stripe_stripe", {})
        const create = fakes().stripe.requests.filter((r) => r.method === "POST" && r.path === "/v1/payment_intents")
        expect(create).toHaveLength(1)
        expect(create[0].body).toMatchObject({ amount: "6969", currency: "usd" })

        const intent = fakes().stripe.confirmPaymentIntent(session.data.id)
        expect(intent.status).toBe("succeeded")
        const event = fakes().stripe.signedEvent("payment_intent.succeeded", intent)
        expect((await postWebhook("stripe_stripe", event)).status).toBe(200)

        const order = await waitForOrder(cart.id)
        expect(order.currency_code).toBe("usd")
        expect(order.total).toBe(69.69)
        expect(captures(order)).toHaveLength(1)
      })

      it("rejects a Stripe event signed with another secret", async () => {
        const { cart, paymentCollectionId } = await prepareCart(setup.regions.international, "us", [["FIX-SCARF-WINE", 1]])
        const session = await startSession(paymentCollectionId, "pp_stripe_stripe", {})
        const intent = fakes().stripe.confirmPaymentIntent(session.data.id)
        const event = fakes().stripe.signedEvent("payment_intent.succeeded", intent)
        const forgedSignature = event.headers["stripe-signature"].replace(/v1=[0-9a-f]+/, `v1=${"a".repeat(64)}`)

        const response = await postWebhook("stripe_stripe", {
          body: event.body,
          headers: { ...event.headers, "stripe-signature": forgedSignature },
        })
        expect(response.status).toBe(401)
        await sleep(WEBHOOK_SETTLE_MS)
        expect(await orderForCart(cart.id)).toBeUndefined()
      })
    })
  },
})
