import { MedusaRequest } from "@medusajs/framework/http"
import Stripe from "stripe"
import { env } from "../../../config"
import { isValidPaystackSignature } from "../../../modules/paystack/signature"

/**
 * Medusa's payment webhook route queues every body it receives. These checks
 * run first, over the raw bytes before anything parses them (see
 * signedWebhookRoute), so a forged or unsigned delivery is refused with 401
 * and never queued; the providers verify the signature again when they process it.
 */
export const isSignedByPaystack = (rawBody: Buffer, req: MedusaRequest): boolean =>
  !!env.PAYSTACK_SECRET_KEY &&
  isValidPaystackSignature(rawBody, req.headers["x-paystack-signature"], env.PAYSTACK_SECRET_KEY)

export function isSignedByStripe(rawBody: Buffer, req: MedusaRequest): boolean {
  const signature = req.headers["stripe-signature"]
  if (!env.STRIPE_WEBHOOK_SECRET || !rawBody.length || typeof signature !== "string") {
    return false
  }
  try {
    // Stripe's SDK compares signatures in constant time and checks the timestamp
    // tolerance; unlike constructEvent it does not parse the body (Stripe decodes it as UTF-8 too).
    return Stripe.webhooks.signature.verifyHeader(rawBody.toString("utf8"), signature, env.STRIPE_WEBHOOK_SECRET)
  } catch {
    return false
  }
}
