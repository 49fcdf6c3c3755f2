import { MiddlewareRoute } from "@medusajs/framework/http"
import { signedWebhookRoute } from "../../../lib/http/signed-webhook"
import { isSignedByPaystack, isSignedByStripe } from "./verify-signature"

export const paymentWebhookMiddlewares: MiddlewareRoute[] = [
  signedWebhookRoute({ matcher: "/hooks/payment/paystack_paystack", isSigned: isSignedByPaystack }),
  signedWebhookRoute({ matcher: "/hooks/payment/stripe_stripe", isSigned: isSignedByStripe }),
]
