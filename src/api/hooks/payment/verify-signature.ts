import { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import Stripe from "stripe"
import { env } from "../../../config"
import { isValidPaystackSignature } from "../../../modules/paystack/signature"

const rejected = () =>
  new MedusaError(MedusaError.Types.UNAUTHORIZED, "Invalid webhook signature")

/**
 * Medusa's payment webhook route queues every body it receives. These checks
 * run first, so a forged or unsigned delivery is refused with 401 and never
 * queued; the providers verify the signature again when they process it.
 */
export function verifyPaystackWebhook(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const valid = isValidPaystackSignature(
    req.rawBody,
    req.headers["x-paystack-signature"],
    env.PAYSTACK_SECRET_KEY ?? ""
  )
  next(valid && env.PAYSTACK_SECRET_KEY ? undefined : rejected())
}

export function verifyStripeWebhook(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const signature = req.headers["stripe-signature"]
  if (!env.STRIPE_WEBHOOK_SECRET || !req.rawBody || typeof signature !== "string") {
    return next(rejected())
  }
  try {
    // Stripe's SDK compares signatures in constant time and checks the timestamp tolerance.
    Stripe.webhooks.constructEvent(req.rawBody, signature, env.STRIPE_WEBHOOK_SECRET)
  } catch {
    return next(rejected())
  }
  next()
}
