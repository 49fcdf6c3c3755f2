import { FakePaystack, startFakePaystack } from "../fakes/paystack"
import { FakeResend, startFakeResend } from "../fakes/resend"
import { FakeStripe, startFakeStripe } from "../fakes/stripe"

export const PAYSTACK_SECRET = "sk_test_paystack_fake_secret"
export const STRIPE_KEY = "sk_test_stripe_fake_key"
export const STRIPE_WEBHOOK_SECRET = "whsec_test_fake_secret"

export type PaymentFakes = { paystack: FakePaystack; stripe: FakeStripe }

/**
 * Starts the Paystack and Stripe fakes and points the app's environment at
 * them. Call from a top-level beforeAll, which runs before the test runner
 * loads medusa-config.
 */
export async function startPaymentFakes(): Promise<PaymentFakes> {
  const paystack = await startFakePaystack({ secretKey: PAYSTACK_SECRET })
  const stripe = await startFakeStripe({ webhookSecret: STRIPE_WEBHOOK_SECRET, apiKey: STRIPE_KEY })
  Object.assign(process.env, {
    PAYSTACK_SECRET_KEY: PAYSTACK_SECRET,
    PAYSTACK_API_BASE: paystack.url,
    STRIPE_API_KEY: STRIPE_KEY,
    STRIPE_WEBHOOK_SECRET,
    STRIPE_API_BASE: stripe.url,
  })
  return { paystack, stripe }
}

export const RESEND_KEY = "re_test_fake_key"

/** Starts the Resend fake and routes the app's email to it (call before the runner boots). */
export async function startEmailFake(): Promise<FakeResend> {
  const resend = await startFakeResend({ apiKey: RESEND_KEY })
  Object.assign(process.env, {
    RESEND_API_KEY: RESEND_KEY,
    RESEND_API_BASE: resend.url,
    EMAIL_FROM: "Store <no-reply@store.test>",
  })
  return resend
}

/**
 * Registers a top-level beforeAll that starts the payment fakes (so it runs
 * before the test runner loads medusa-config) and an afterAll that closes them.
 */
export function usePaymentFakes(): () => PaymentFakes {
  let fakes: PaymentFakes | undefined
  beforeAll(async () => {
    fakes = await startPaymentFakes()
  })
  afterAll(async () => {
    await Promise.all([fakes?.paystack.close(), fakes?.stripe.close()])
  })
  return () => {
    if (!fakes) {
      throw new Error("payment fakes are used before beforeAll started them")
    }
    return fakes
  }
}
