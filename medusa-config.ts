import { defineConfig } from "@medusajs/framework/utils"
import { env } from "./src/config"
import { NOTIFICATION_CHANNELS } from "./src/lib/notifications/types"
import { applicationLogger } from "./src/lib/observability/logger"

const redisUrl = env.REDIS_URL

// Outside production a fixed development key, so `/auth/mfa` works with no setup.
const mfaEncryptionKey =
  env.AUTH_MFA_ENCRYPTION_KEY ?? (env.NODE_ENV === "production" ? undefined : "development-only-mfa-encryption-key")

const redisModules = redisUrl
  ? [
      {
        resolve: "@medusajs/medusa/event-bus-redis",
        options: { redisUrl },
      },
      {
        resolve: "@medusajs/medusa/workflow-engine-redis",
        options: { redis: { redisUrl } },
      },
      {
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [
            {
              resolve: "@medusajs/medusa/locking-redis",
              id: "locking-redis",
              is_default: true,
              options: { redisUrl },
            },
          ],
        },
      },
      {
        resolve: "@medusajs/medusa/caching",
        options: {
          providers: [
            {
              resolve: "@medusajs/caching-redis",
              id: "caching-redis",
              is_default: true,
              options: { redisUrl },
            },
          ],
        },
      },
    ]
  : []

const liveNotificationProviders = [
  env.RESEND_API_KEY && {
    resolve: "./src/modules/resend",
    id: "resend",
    options: {
      channels: ["email"],
      apiKey: env.RESEND_API_KEY,
      from: env.EMAIL_FROM ?? "Naira & Dollar Store <no-reply@example.com>",
      apiBase: env.RESEND_API_BASE,
    },
  },
  env.TWILIO_ACCOUNT_SID &&
    env.TWILIO_AUTH_TOKEN &&
    env.TWILIO_FROM && {
      resolve: "./src/modules/twilio",
      id: "twilio",
      options: {
        channels: ["sms"],
        accountSid: env.TWILIO_ACCOUNT_SID,
        authToken: env.TWILIO_AUTH_TOKEN,
        from: env.TWILIO_FROM,
        apiBase: env.TWILIO_API_BASE,
      },
    },
  env.WHATSAPP_ACCESS_TOKEN &&
    env.WHATSAPP_PHONE_NUMBER_ID && {
      resolve: "./src/modules/whatsapp",
      id: "whatsapp",
      options: {
        channels: ["whatsapp"],
        accessToken: env.WHATSAPP_ACCESS_TOKEN,
        phoneNumberId: env.WHATSAPP_PHONE_NUMBER_ID,
        apiBase: env.WHATSAPP_API_BASE,
      },
    },
].filter((provider) => !!provider)

// Channels without vendor keys go to a provider that only logs (with the message's content outside production), so development works offline.
const liveChannels = liveNotificationProviders.flatMap((provider) => provider.options.channels)
const localChannels = NOTIFICATION_CHANNELS.filter((channel) => !liveChannels.includes(channel))
const notificationProviders = [
  ...liveNotificationProviders,
  ...(localChannels.length
    ? [
        {
          resolve: "./src/modules/local-notifications",
          id: "local",
          options: { channels: localChannels, showContent: env.NODE_ENV !== "production" || env.LOCAL_TRIAL === "true" },
        },
      ]
    : []),
]

module.exports = defineConfig({
  // pino: JSON lines with the request id (pretty in development); see src/lib/observability/logger.ts.
  logger: applicationLogger(env),
  projectConfig: {
    databaseUrl: env.DATABASE_URL,
    redisUrl,
    workerMode: env.MEDUSA_WORKER_MODE,
    // The local trial serves plain http://localhost, where a Secure cookie is never set.
    cookieOptions: env.LOCAL_TRIAL === "true" ? { secure: false } : undefined,
    http: {
      storeCors: env.STORE_CORS,
      adminCors: env.ADMIN_CORS,
      authCors: env.AUTH_CORS,
      jwtSecret: env.JWT_SECRET,
      jwtExpiresIn: env.ACCESS_TOKEN_TTL,
      authMethodsPerActor: { user: ["emailpass", "otp"], customer: ["emailpass"] },
      cookieSecret: env.COOKIE_SECRET,
    },
  },
  admin: {
    disable: env.MEDUSA_WORKER_MODE === "worker",
  },
  featureFlags: {
    caching: !!redisUrl,
  },
  modules: [
    ...redisModules,
    {
      resolve: "./src/modules/fx",
    },
    {
      resolve: "./src/modules/staff-access",
    },
    {
      resolve: "./src/modules/store-cache",
      options: {
        redisUrl,
        ttlSeconds: env.STORE_CACHE_TTL_SECONDS,
        disabled: env.STORE_CACHE === "off",
      },
    },
    {
      resolve: "./src/modules/activity",
    },
    {
      resolve: "./src/modules/inventory-ledger",
    },
    {
      resolve: "./src/modules/consent",
      options: { emailMarketingDefault: env.MARKETING_EMAIL_OPT_IN_DEFAULT === "true" },
    },
    {
      resolve: "./src/modules/broadcast",
      options: {
        channels: Object.fromEntries(
          NOTIFICATION_CHANNELS.map((channel) => [
            channel,
            liveNotificationProviders.find((provider) => provider.options.channels.includes(channel))?.id ?? "local",
          ])
        ),
      },
    },
    {
      resolve: "./src/modules/concierge",
      options: {
        firstResponseMinutes: env.CONCIERGE_FIRST_RESPONSE_MINUTES,
        businessHours: env.CONCIERGE_BUSINESS_HOURS,
        timeZone: env.STORE_TIMEZONE,
      },
    },
    {
      resolve: "./src/modules/analytics-snapshot",
    },
    {
      // Commerce events (src/workflows/analytics/track-commerce-event.ts): PostHog when keyed, else the log.
      resolve: "@medusajs/medusa/analytics",
      options: {
        providers: [
          env.POSTHOG_EVENTS_API_KEY
            ? {
                resolve: "@medusajs/medusa/analytics-posthog",
                id: "posthog",
                options: { posthogEventsKey: env.POSTHOG_EVENTS_API_KEY, posthogHost: env.POSTHOG_HOST },
              }
            : { resolve: "@medusajs/medusa/analytics-local", id: "local" },
        ],
      },
    },
    {
      resolve: "@medusajs/medusa/auth",
      options: {
        providers: [
          { resolve: "@medusajs/medusa/auth-emailpass", id: "emailpass" },
          { resolve: "./src/modules/otp-auth", id: "otp" },
        ],
        mfa: { encryption_key: mfaEncryptionKey },
      },
    },
    {
      resolve: "@medusajs/medusa/notification",
      options: { providers: notificationProviders },
    },
    {
      resolve: "@medusajs/medusa/payment",
      options: {
        providers: [
          {
            resolve: "./src/modules/paystack",
            id: "paystack",
            options: {
              secretKey: env.PAYSTACK_SECRET_KEY ?? "sk_test_unset",
              apiBase: env.PAYSTACK_API_BASE,
            },
          },
          {
            resolve: "./src/modules/stripe",
            id: "stripe",
            options: {
              apiKey: env.STRIPE_API_KEY ?? "sk_test_unset",
              webhookSecret: env.STRIPE_WEBHOOK_SECRET ?? "whsec_unset",
              apiBase: env.STRIPE_API_BASE,
              capture: true,
            },
          },
        ],
      },
    },
  ],
})

