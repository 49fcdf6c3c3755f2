// The package exports only its module provider; extending the class is the way
// to point its SDK client at a configurable host.
/* eslint-disable @medusajs/import-from-framework-not-internal */
import StripeProviderService from "@medusajs/payment-stripe/dist/services/stripe-provider"
import { StripeOptions } from "@medusajs/payment-stripe/dist/types"
/* eslint-enable @medusajs/import-from-framework-not-internal */
import Stripe from "stripe"

export type StripeApiBaseOptions = StripeOptions & {
  /** Stripe's API when unset; a loopback fake in tests. */
  apiBase?: string
}

/**
 * Medusa's own Stripe provider, with the SDK pointed at `apiBase` when given.
 * Everything else (intents, webhooks, refunds) is Medusa's implementation.
 */
class StripeApiBaseProviderService extends StripeProviderService {
  constructor(cradle: Record<string, unknown>, options: StripeApiBaseOptions) {
    super(cradle, options)
    if (options.apiBase) {
      const base = new URL(options.apiBase)
      this.stripe_ = new Stripe(options.apiKey, {
        host: base.hostname,
        port: base.port || (base.protocol === "https:" ? 443 : 80),
        protocol: base.protocol === "https:" ? "https" : "http",
      })
    }
  }
}

export default StripeApiBaseProviderService
