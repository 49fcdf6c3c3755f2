import { FakePaystack, startFakePaystack } from "../fakes/paystack"
import { FakePostHog, startFakePostHog } from "../fakes/posthog"
import { FakeResend, startFakeResend } from "../fakes/resend"
import { FakeStripe, startFakeStripe } from "../fakes/stripe"
import { FakeTwilio, startFakeTwilio } from "../fakes/twilio"
import { FakeWhatsApp, startFakeWhatsApp } from "../fakes/whatsapp"

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

export const TWILIO_SID = "AC00000000000000000000000000000001"
export const TWILIO_TOKEN = "twilio_test_fake_token"
export const TWILIO_FROM = "+15005550006"

/** Starts the Twilio fake and routes the app's SMS to it (call before the runner boots). */
export async function startSmsFake(): Promise<FakeTwilio> {
  const twilio = await startFakeTwilio({ accountSid: TWILIO_SID, authToken: TWILIO_TOKEN })
  Object.assign(process.env, {
    TWILIO_ACCOUNT_SID: TWILIO_SID,
    TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
    TWILIO_FROM,
    TWILIO_API_BASE: twilio.url,
  })
  return twilio
}

export const WHATSAPP_TOKEN = "EAAG_test_fake_whatsapp_token"
export const WHATSAPP_PHONE_NUMBER_ID = "106540352242922"

/** Starts the WhatsApp Cloud API fake and routes the app's WhatsApp to it (call before the runner boots). */
export async function startWhatsAppFake(): Promise<FakeWhatsApp> {
  const whatsapp = await startFakeWhatsApp({
    accessToken: WHATSAPP_TOKEN,
    phoneNumberId: WHATSAPP_PHONE_NUMBER_ID,
  })
  Object.assign(process.env, {
    WHATSAPP_ACCESS_TOKEN: WHATSAPP_TOKEN,
    WHATSAPP_PHONE_NUMBER_ID,
    WHATSAPP_API_BASE: whatsapp.url,
  })
  return whatsapp
}

export const POSTHOG_KEY = "phc_test_fake_project_key"

/** Starts the PostHog fake and sends the app's commerce events to it (call before the runner boots). */
export async function startAnalyticsFake(): Promise<FakePostHog> {
  const posthog = await startFakePostHog({ apiKey: POSTHOG_KEY })
  Object.assign(process.env, { POSTHOG_EVENTS_API_KEY: POSTHOG_KEY, POSTHOG_HOST: posthog.url })
  return posthog
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
