import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { parseBusinessHours } from "../lib/concierge/business-hours"

export const DEV_SECRET = "supersecret"

const optionalString = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined))

const url = (fallback?: string) => {
  const base = z.string().trim().url()
  return fallback ? base.default(fallback) : optionalString.pipe(base.optional())
}

export const EnvSchema = z.object({
  NODE_ENV: z.string().default("development"),
  /**
   * Set by `npm start` when it runs the embedded database: a production build on
   * one machine for trying the store, where payment keys may still be missing.
   */
  LOCAL_TRIAL: z.enum(["true", "false"]).default("false"),
  DATABASE_URL: optionalString,
  REDIS_URL: optionalString,
  MEDUSA_WORKER_MODE: z.enum(["shared", "server", "worker"]).default("shared"),
  PORT: z.coerce.number().int().min(1).max(65535).default(9000),
  ADMIN_EMAIL: optionalString.pipe(z.string().email().optional()),
  ADMIN_PASSWORD: optionalString.pipe(z.string().min(8).optional()),
  JWT_SECRET: optionalString.transform((value) => value ?? DEV_SECRET),
  COOKIE_SECRET: optionalString.transform((value) => value ?? DEV_SECRET),
  /** Encrypts TOTP secrets at rest (Medusa's `/auth/mfa`); unset in production: MFA enrolment is refused. */
  AUTH_MFA_ENCRYPTION_KEY: optionalString,
  STORE_CORS: z.string().default("http://localhost:8000"),
  ADMIN_CORS: z.string().default("http://localhost:9000,http://localhost:5173"),
  AUTH_CORS: z
    .string()
    .default("http://localhost:8000,http://localhost:9000,http://localhost:5173"),
  PAYSTACK_SECRET_KEY: optionalString,
  PAYSTACK_API_BASE: url("https://api.paystack.co"),
  STRIPE_API_KEY: optionalString,
  STRIPE_WEBHOOK_SECRET: optionalString,
  STRIPE_API_BASE: url(),
  RESEND_API_KEY: optionalString,
  RESEND_API_BASE: url(),
  EMAIL_FROM: optionalString,
  TWILIO_ACCOUNT_SID: optionalString,
  TWILIO_AUTH_TOKEN: optionalString,
  TWILIO_FROM: optionalString,
  TWILIO_API_BASE: url(),
  WHATSAPP_ACCESS_TOKEN: optionalString,
  WHATSAPP_PHONE_NUMBER_ID: optionalString,
  WHATSAPP_APP_SECRET: optionalString,
  WHATSAPP_VERIFY_TOKEN: optionalString,
  WHATSAPP_BUSINESS_NUMBER: optionalString,
  WHATSAPP_API_BASE: url(),
  STORE_TIMEZONE: z.string().default("Africa/Lagos"),
  /** Minutes of business time within which a new concierge conversation should get its first reply. */
  CONCIERGE_FIRST_RESPONSE_MINUTES: z.coerce.number().int().positive().default(15),
  /** When the concierge answers, in store time, e.g. "mon-fri 08:00-18:00, sat 10:00-14:00"; "always" for 24/7. */
  CONCIERGE_BUSINESS_HOURS: z
    .string()
    .default("mon-sat 08:00-20:00")
    .superRefine((spec, ctx) => {
      try {
        parseBusinessHours(spec)
      } catch (error) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: (error as Error).message })
      }
    }),
  /** Storefront escalations allowed per hour from one phone number and from one IP address. */
  CONCIERGE_ESCALATIONS_PER_PHONE_PER_HOUR: z.coerce.number().int().positive().default(5),
  CONCIERGE_ESCALATIONS_PER_IP_PER_HOUR: z.coerce.number().int().positive().default(20),
  /** Base of the links put in messages (order tracking, unsubscribe); default: first STORE_CORS origin. */
  STOREFRONT_URL: url(),
  /** Base of links to the admin dashboard in staff alerts, e.g. https://api.example.com. */
  BACKEND_URL: url("http://localhost:9000"),
  /** Whether customers get marketing email until they opt out (SMS and WhatsApp need an opt-in). */
  MARKETING_EMAIL_OPT_IN_DEFAULT: z.enum(["true", "false"]).default("true"),
  /** Broadcast send rate caps, messages per second per channel; 0 means no cap. */
  BROADCAST_EMAIL_PER_SECOND: z.coerce.number().int().min(0).default(100),
  BROADCAST_SMS_PER_SECOND: z.coerce.number().int().min(0).default(10),
  BROADCAST_WHATSAPP_PER_SECOND: z.coerce.number().int().min(0).default(20),
  /** Provider batches one broadcast workflow run sends before handing the rest to the next run. */
  BROADCAST_BATCHES_PER_RUN: z.coerce.number().int().positive().default(50),
  /** Available quantity at or below which an item is low on stock, unless the item's metadata sets its own. */
  LOW_STOCK_THRESHOLD: z.coerce.number().int().min(0).default(5),
  /** A staff WhatsApp number (E.164) that also receives admin alerts. */
  ADMIN_ALERT_WHATSAPP_TO: optionalString,
  /** Lifetime of admin and customer access tokens (Medusa's JWT), e.g. "15m", "1d". */
  ACCESS_TOKEN_TTL: z.string().regex(/^\d+[smhd]$/, "must look like 15m, 12h or 1d").default("1d"),
  /** The store's response cache for catalog reads: on by default; `off` serves every read from Medusa. */
  STORE_CACHE: z.enum(["on", "off"]).default("on"),
  /** Longest life of a cached store response, the bound on staleness if an invalidation were lost. */
  STORE_CACHE_TTL_SECONDS: z.coerce.number().int().positive().default(30),
  /** Requests per minute, per IP and per authenticated actor. */
  RATE_LIMIT_AUTH_PER_MINUTE: z.coerce.number().int().positive().default(10),
  RATE_LIMIT_STORE_PER_MINUTE: z.coerce.number().int().positive().default(300),
  RATE_LIMIT_ADMIN_PER_MINUTE: z.coerce.number().int().positive().default(600),
  RATE_LIMIT_HOOKS_PER_MINUTE: z.coerce.number().int().positive().default(600),
  /** PostHog project API key: commerce events go to PostHog when set, else to Medusa's local (log) provider. */
  POSTHOG_EVENTS_API_KEY: optionalString,
  /** PostHog host, e.g. https://eu.i.posthog.com (the provider's default) or https://us.i.posthog.com. */
  POSTHOG_HOST: url(),
  SENTRY_DSN: optionalString,
  /** OTLP/HTTP collector base URL (traces go to `<endpoint>/v1/traces`); unset: no tracing. */
  OTEL_EXPORTER_OTLP_ENDPOINT: url(),
  /** `Authorization: Bearer <token>` for `/metrics`; unset: open outside production, 404 in production. */
  METRICS_TOKEN: optionalString,
  /** Port of a worker's own `/metrics` (a worker serves no API routes). */
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).default(9464),
  /** Medusa's names: the lowest level logged, and a file that also gets every line. */
  LOG_LEVEL: z.enum(["silly", "trace", "debug", "verbose", "http", "info", "warn", "error", "fatal"]).default("http"),
  LOG_FILE: optionalString,
})

export type Env = z.infer<typeof EnvSchema>

/**
 * Secrets that may be absent in development but must be real in production:
 * a default JWT or cookie secret would let anyone forge admin sessions.
 */
export function productionProblems(env: Env): string[] {
  if (env.NODE_ENV !== "production") {
    return []
  }
  const problems: string[] = []
  for (const name of ["JWT_SECRET", "COOKIE_SECRET"] as const) {
    if (env[name] === DEV_SECRET || env[name].length < 32) {
      problems.push(`${name} must be set to a random value of at least 32 characters`)
    }
  }
  if (env.AUTH_MFA_ENCRYPTION_KEY && env.AUTH_MFA_ENCRYPTION_KEY.length < 32) {
    problems.push("AUTH_MFA_ENCRYPTION_KEY must be a random value of at least 32 characters")
  }
  const payments = [
    ["PAYSTACK_SECRET_KEY", "the Nigeria region pays with Paystack"],
    ["STRIPE_API_KEY", "the International region pays with Stripe"],
    ["STRIPE_WEBHOOK_SECRET", "Stripe webhooks must be verified"],
  ] as const
  const required = [
    ["DATABASE_URL", "the production database"],
    ...(env.LOCAL_TRIAL === "true" ? [] : payments),
  ] as const
  for (const [name, why] of required) {
    if (!env[name]) {
      problems.push(`${name} is required (${why})`)
    }
  }
  return problems
}

export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  // `NAME=` in a .env file means "not set", as for an absent variable.
  const present = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value.trim() !== "")
  )
  const parsed = EnvSchema.safeParse(present)
  const problems = parsed.success
    ? productionProblems(parsed.data)
    : parsed.error.issues.map(
        (issue) => `${issue.path.join(".")}: ${issue.message}`
      )
  if (!parsed.success || problems.length) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`
    )
  }
  return parsed.data
}
