import { MiddlewareRoute } from "@medusajs/framework/http"
import { verifyPaystackWebhook, verifyStripeWebhook } from "./verify-signature"

export const paymentWebhookMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["POST"],
    matcher: "/hooks/payment/paystack_paystack",
    bodyParser: { preserveRawBody: true },
    middlewares: [verifyPaystackWebhook],
  },
  {
    methods: ["POST"],
    matcher: "/hooks/payment/stripe_stripe",
    bodyParser: { preserveRawBody: true },
    middlewares: [verifyStripeWebhook],
  },
]
