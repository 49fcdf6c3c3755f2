import { createHmac } from "node:crypto"

import type Stripe from "stripe"

import {
  asRecord,
  headerValue,
  randomString,
  startHttpFake,
  type FakeResponse,
  type HttpFake,
  type RecordedRequest,
} from "./http-fake"

/*
 * In-memory Stripe covering the calls made by @medusajs/payment-stripe 2.21
 * (core/stripe-base.js):
 *
 *   POST   /v1/payment_intents                  paymentIntents.create
 *   GET    /v1/payment_intents/:id              paymentIntents.retrieve
 *   POST   /v1/payment_intents/:id              paymentIntents.update
 *   POST   /v1/payment_intents/:id/capture      paymentIntents.capture
 *   POST   /v1/payment_intents/:id/cancel       paymentIntents.cancel
 *   POST   /v1/refunds                          refunds.create
 *   POST   /v1/customers                        customers.create
 *   POST   /v1/customers/:id                    customers.update
 *   DELETE /v1/customers/:id                    customers.del
 *   GET    /v1/customers/:id/payment_methods    customers.listPaymentMethods
 *   POST   /v1/setup_intents                    setupIntents.create
 *   GET    /v1/payment_methods/:id              paymentMethods.retrieve
 *   POST   /v1/payment_methods/:id/detach       paymentMethods.detach
 *
 * plus a few conveniences: POST /v1/payment_intents/:id/confirm,
 * GET /v1/customers/:id, GET /v1/refunds/:id, GET /v1/charges/:id,
 * GET /v1/setup_intents/:id.
 */

export type PaymentIntentStatus =
  | "requires_payment_method"
  | "requires_confirmation"
  | "requires_action"
  | "processing"
  | "requires_capture"
  | "canceled"
  | "succeeded"

export type CaptureMethod = "automatic" | "automatic_async" | "manual"

export type Metadata = Record<string, string>

export interface StripeErrorBody {
  type:
    | "api_error"
    | "card_error"
    | "idempotency_error"
    | "invalid_request_error"
    | "rate_limit_error"
  code?: string
  decline_code?: string
  message: string
  param?: string
  doc_url?: string
  charge?: string
  payment_intent?: unknown
  payment_method?: unknown
  setup_intent?: unknown
  request_log_url?: string
}

export interface LastPaymentError {
  type: "card_error"
  code: string
  decline_code: string
  message: string
  charge: string
  doc_url: string
  payment_method: FakePaymentMethod
}

export interface FakePaymentIntent {
  id: string
  object: "payment_intent"
  amount: number
  amount_capturable: number
  amount_details: { tip: Record<string, never> }
  amount_received: number
  application: null
  application_fee_amount: number | null
  automatic_payment_methods: {
    enabled: boolean
    allow_redirects?: string
  } | null
  canceled_at: number | null
  cancellation_reason: string | null
  capture_method: CaptureMethod
  client_secret: string
  confirmation_method: "automatic" | "manual"
  created: number
  currency: string
  /** Customer id (expandable). */
  customer: string | null
  description: string | null
  invoice: null
  last_payment_error: LastPaymentError | null
  /** Charge id (expandable). */
  latest_charge: string | null
  livemode: false
  metadata: Metadata
  next_action: Record<string, unknown> | null
  on_behalf_of: null
  /** PaymentMethod id (expandable). */
  payment_method: string | null
  payment_method_configuration_details: {
    id: string
    parent: string | null
  } | null
  payment_method_options: Record<string, unknown>
  payment_method_types: string[]
  processing: null
  receipt_email: string | null
  review: null
  setup_future_usage: "off_session" | "on_session" | null
  shipping: Record<string, unknown> | null
  source: null
  statement_descriptor: string | null
  statement_descriptor_suffix: string | null
  status: PaymentIntentStatus
  transfer_data: null
  transfer_group: string | null
}

export interface FakeCharge {
  id: string
  object: "charge"
  amount: number
  amount_captured: number
  amount_refunded: number
  application: null
  application_fee: null
  application_fee_amount: null
  balance_transaction: string | null
  billing_details: FakeBillingDetails
  calculated_statement_descriptor: string | null
  captured: boolean
  created: number
  currency: string
  customer: string | null
  description: string | null
  disputed: boolean
  failure_balance_transaction: null
  failure_code: string | null
  failure_message: string | null
  fraud_details: Record<string, never>
  invoice: null
  livemode: false
  metadata: Metadata
  on_behalf_of: null
  outcome: Record<string, unknown> | null
  paid: boolean
  payment_intent: string | null
  payment_method: string | null
  payment_method_details: Record<string, unknown> | null
  receipt_email: string | null
  receipt_number: null
  receipt_url: string | null
  refunded: boolean
  review: null
  shipping: Record<string, unknown> | null
  source: null
  source_transfer: null
  statement_descriptor: string | null
  statement_descriptor_suffix: string | null
  status: "succeeded" | "pending" | "failed"
  transfer_data: null
  transfer_group: string | null
}

export interface FakeRefund {
  id: string
  object: "refund"
  amount: number
  balance_transaction: string | null
  charge: string
  created: number
  currency: string
  destination_details: Record<string, unknown>
  metadata: Metadata
  payment_intent: string | null
  reason: "duplicate" | "fraudulent" | "requested_by_customer" | null
  receipt_number: null
  source_transfer_reversal: null
  status: "succeeded" | "pending" | "failed" | "canceled"
  transfer_reversal: null
}

export interface FakeAddress {
  city: string | null
  country: string | null
  line1: string | null
  line2: string | null
  postal_code: string | null
  state: string | null
}

export interface FakeBillingDetails {
  address: FakeAddress
  email: string | null
  name: string | null
  phone: string | null
}

export interface FakeCustomer {
  id: string
  object: "customer"
  address: FakeAddress | null
  balance: number
  created: number
  currency: string | null
  default_source: null
  delinquent: boolean
  description: string | null
  discount: null
  email: string | null
  invoice_prefix: string
  invoice_settings: {
    custom_fields: null
    default_payment_method: string | null
    footer: null
    rendering_options: null
  }
  livemode: false
  metadata: Metadata
  name: string | null
  next_invoice_sequence: number
  phone: string | null
  preferred_locales: string[]
  shipping: Record<string, unknown> | null
  tax_exempt: "none"
  test_clock: null
}

export interface FakeCard {
  brand: string
  checks: {
    address_line1_check: null
    address_postal_code_check: null
    cvc_check: "pass"
  }
  country: string
  display_brand: string
  exp_month: number
  exp_year: number
  fingerprint: string
  funding: "credit" | "debit"
  generated_from: null
  last4: string
  networks: { available: string[]; preferred: null }
  three_d_secure_usage: { supported: boolean }
  wallet: null
}

export interface FakePaymentMethod {
  id: string
  object: "payment_method"
  allow_redisplay: "unspecified"
  billing_details: FakeBillingDetails
  card?: FakeCard
  created: number
  /** Customer id (expandable). */
  customer: string | null
  livemode: false
  metadata: Metadata
  type: string
}

export interface FakeSetupIntent {
  id: string
  object: "setup_intent"
  application: null
  automatic_payment_methods: { enabled: boolean } | null
  cancellation_reason: null
  client_secret: string
  created: number
  customer: string | null
  description: string | null
  flow_directions: null
  last_setup_error: null
  latest_attempt: null
  livemode: false
  mandate: null
  metadata: Metadata
  next_action: null
  on_behalf_of: null
  payment_method: string | null
  payment_method_configuration_details: null
  payment_method_options: Record<string, unknown>
  payment_method_types: string[]
  single_use_mandate: null
  status:
    | "requires_payment_method"
    | "requires_confirmation"
    | "requires_action"
    | "processing"
    | "canceled"
    | "succeeded"
  usage: string
}

export interface StripeEventEnvelope {
  id: string
  object: "event"
  api_version: string
  created: number
  data: { object: unknown; previous_attributes?: unknown }
  livemode: false
  pending_webhooks: number
  request: { id: string | null; idempotency_key: string | null }
  type: string
}

export interface SignedStripeEvent {
  /** Exact JSON string to POST to the webhook endpoint. */
  body: string
  headers: {
    "stripe-signature": string
    "content-type": "application/json"
  }
  /** The parsed envelope (same content as `body`). */
  event: StripeEventEnvelope
}

export interface SignedEventOptions {
  /** Unix seconds used in `t=` (default: now). */
  timestamp?: number
  previousAttributes?: object
}

export type ConfirmOutcome =
  | "success"
  | "declined"
  | "requires_action"
  | "processing"

export interface ConfirmPaymentIntentOptions {
  /** Existing `pm_...` id or a test token such as `pm_card_visa`. */
  paymentMethod?: string
  /** Default `"success"` (→ `succeeded`, or `requires_capture` when manual). */
  outcome?: ConfirmOutcome
}

export interface CreatePaymentMethodOptions {
  customer?: string
  /** Test token (`pm_card_visa`, `pm_card_mastercard`, `pm_card_chargeDeclined`) or `card`. */
  token?: string
  type?: string
}

export interface FakeStripeOptions {
  webhookSecret: string
  /** When set, requests must carry `Authorization: Bearer <apiKey>`; otherwise any `sk_`/`rk_` key is accepted. */
  apiKey?: string
  /** Reported in events (default the SDK's pinned version, 2024-04-10). */
  apiVersion?: string
  /** Enforce Stripe's minimum charge amounts (e.g. 50 for usd). Default true. */
  enforceMinimumAmount?: boolean
}

export interface StripeClientConfig {
  host: string
  port: number
  protocol: "http"
}

export interface FakeStripe extends HttpFake {
  /** Pass to `new Stripe(key, { ...clientConfig })`. */
  readonly clientConfig: StripeClientConfig
  readonly webhookSecret: string
  readonly paymentIntents: Map<string, FakePaymentIntent>
  readonly charges: Map<string, FakeCharge>
  readonly refunds: Map<string, FakeRefund>
  readonly customers: Map<string, FakeCustomer>
  readonly paymentMethods: Map<string, FakePaymentMethod>
  readonly setupIntents: Map<string, FakeSetupIntent>
  /** Simulates the customer paying (Stripe.js confirmation). */
  confirmPaymentIntent(
    id: string,
    options?: ConfirmPaymentIntentOptions
  ): FakePaymentIntent
  /** Simulates the customer completing a SetupIntent; attaches a new card. */
  confirmSetupIntent(id: string): FakeSetupIntent
  createPaymentMethod(options?: CreatePaymentMethodOptions): FakePaymentMethod
  /** Builds a signed Stripe event envelope around `object`. */
  signedEvent(
    type: string,
    object: object,
    options?: SignedEventOptions
  ): SignedStripeEvent
}

/* ------------------------------------------------------------------------ */
/* Compile-time check: our objects carry every key the SDK types require.   */

type RequiredKeys<T> = {
  [K in keyof T]-?: Record<string, never> extends Pick<T, K> ? never : K
}[keyof T]
type MissingKeys<Ours, Theirs> = Exclude<RequiredKeys<Theirs>, keyof Ours>
type Expect<T extends true> = T
type IsNever<T> = [T] extends [never] ? true : false

export type StripeShapeChecks = [
  Expect<IsNever<MissingKeys<FakePaymentIntent, Stripe.PaymentIntent>>>,
  Expect<IsNever<MissingKeys<FakeCharge, Stripe.Charge>>>,
  Expect<IsNever<MissingKeys<FakeRefund, Stripe.Refund>>>,
  Expect<IsNever<MissingKeys<FakeCustomer, Stripe.Customer>>>,
  Expect<IsNever<MissingKeys<FakePaymentMethod, Stripe.PaymentMethod>>>,
  Expect<IsNever<MissingKeys<FakeSetupIntent, Stripe.SetupIntent>>>,
  Expect<IsNever<MissingKeys<StripeEventEnvelope, Stripe.Event>>>,
]

/* ------------------------------------------------------------------------ */

const DEFAULT_API_VERSION = "2024-04-10"

const MINIMUM_AMOUNTS: Record<string, number> = {
  usd: 50,
  eur: 50,
  gbp: 30,
  cad: 50,
  aud: 50,
}

const UPDATABLE_STATUSES: PaymentIntentStatus[] = [
  "requires_payment_method",
  "requires_confirmation",
  "requires_action",
]

const CANCELABLE_STATUSES: PaymentIntentStatus[] = [
  "requires_payment_method",
  "requires_capture",
  "requires_confirmation",
  "requires_action",
  "processing",
]

const TEST_CARDS: Record<
  string,
  { brand: string; last4: string; funding: "credit" | "debit" }
> = {
  pm_card_visa: { brand: "visa", last4: "4242", funding: "credit" },
  pm_card_visa_debit: { brand: "visa", last4: "5556", funding: "debit" },
  pm_card_mastercard: { brand: "mastercard", last4: "4444", funding: "credit" },
  pm_card_amex: { brand: "amex", last4: "8431", funding: "credit" },
  pm_card_chargeDeclined: { brand: "visa", last4: "0002", funding: "credit" },
}

const DECLINED_LAST4 = "0002"

class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
    /** Whether the idempotency layer should remember this result. */
    readonly storeable = true
  ) {
    super(body.message)
  }
}

function randomId(length: number): string {
  return randomString(length, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
}

function newId(prefix: string): string {
  return `${prefix}_${randomId(24)}`
}

function now(): number {
  return Math.floor(Date.now() / 1000)
}

function clone<T>(value: T): T {
  return structuredClone(value)
}

function docUrl(code: string): string {
  return `https://stripe.com/docs/error-codes/${code.replace(/_/g, "-")}`
}

function invalidRequest(
  message: string,
  extra: {
    code?: string
    param?: string
    status?: number
    storeable?: boolean
    payment_intent?: unknown
  } = {}
): StripeApiError {
  const body: StripeErrorBody = { type: "invalid_request_error", message }
  if (extra.code) {
    body.code = extra.code
    body.doc_url = docUrl(extra.code)
  }
  if (extra.param) {
    body.param = extra.param
  }
  if (extra.payment_intent !== undefined) {
    body.payment_intent = extra.payment_intent
  }
  return new StripeApiError(extra.status ?? 400, body, extra.storeable ?? true)
}

function paramError(message: string, param: string, code?: string) {
  return invalidRequest(message, { param, code, storeable: false })
}

function missingParam(param: string) {
  return paramError(
    `Missing required param: ${param}.`,
    param,
    "parameter_missing"
  )
}

function noSuch(kind: string, id: string, param?: string, status = 404) {
  return invalidRequest(`No such ${kind}: '${id}'`, {
    code: "resource_missing",
    param: param ?? "id",
    status,
  })
}

/* ----------------------------- param coercion ---------------------------- */

type Params = Record<string, unknown>

function optString(params: Params, name: string): string | undefined {
  const value = params[name]
  if (value === undefined) {
    return undefined
  }
  if (typeof value === "number" || typeof value === "boolean") {
    return String(value)
  }
  if (typeof value !== "string") {
    throw paramError(`Invalid string: ${JSON.stringify(value)}`, name)
  }
  return value
}

/** `""` → `null` (Stripe's way of unsetting a field). */
function optNullableString(
  params: Params,
  name: string
): string | null | undefined {
  const value = optString(params, name)
  return value === "" ? null : value
}

function optInteger(params: Params, name: string): number | undefined {
  const value = params[name]
  if (value === undefined) {
    return undefined
  }
  if (typeof value === "number" && Number.isInteger(value)) {
    return value
  }
  if (typeof value === "string" && /^-?\d+$/.test(value)) {
    return Number(value)
  }
  throw paramError(
    `Invalid integer: ${typeof value === "string" ? value : JSON.stringify(value)}`,
    name,
    "parameter_invalid_integer"
  )
}

function optBoolean(params: Params, name: string): boolean | undefined {
  const value = params[name]
  if (value === undefined || value === "") {
    return undefined
  }
  if (value === true || value === "true") {
    return true
  }
  if (value === false || value === "false") {
    return false
  }
  throw paramError(`Invalid boolean: ${String(value)}`, name)
}

function optEnum<T extends string>(
  params: Params,
  name: string,
  allowed: readonly T[]
): T | undefined {
  const value = optString(params, name)
  if (value === undefined) {
    return undefined
  }
  const match = allowed.find((candidate) => candidate === value)
  if (!match) {
    throw paramError(
      `Invalid ${name}: must be one of ${allowed.join(", ")}`,
      name
    )
  }
  return match
}

function optStringArray(params: Params, name: string): string[] | undefined {
  const value = params[name]
  if (value === undefined || value === "") {
    return undefined
  }
  const items = Array.isArray(value) ? value : [value]
  return items.map((item, index) => {
    if (typeof item !== "string") {
      throw paramError(`Invalid array`, `${name}[${index}]`)
    }
    return item
  })
}

function optObject(
  params: Params,
  name: string
): Record<string, unknown> | null | undefined {
  const value = params[name]
  if (value === undefined) {
    return undefined
  }
  if (value === "" || value === null) {
    return null
  }
  if (typeof value !== "object" || Array.isArray(value)) {
    throw paramError(`Invalid object`, name)
  }
  return asRecord(value)
}

/** Returns the metadata patch (`null` clears everything). */
function optMetadata(
  params: Params,
  name = "metadata"
): Record<string, string> | null | undefined {
  const value = optObject(params, name)
  if (value === undefined || value === null) {
    return value
  }
  const entries = Object.entries(value)
  if (entries.length > 50) {
    throw paramError("Metadata can have at most 50 keys.", name)
  }
  const result: Record<string, string> = {}
  for (const [key, item] of entries) {
    if (key.length > 40) {
      throw paramError(
        `Metadata keys can have up to 40 characters: ${key}`,
        `${name}[${key}]`
      )
    }
    const text =
      typeof item === "number" || typeof item === "boolean"
        ? String(item)
        : item
    if (typeof text !== "string") {
      throw paramError(`Invalid metadata value`, `${name}[${key}]`)
    }
    if (text.length > 500) {
      throw paramError(
        `Metadata values can have up to 500 characters`,
        `${name}[${key}]`
      )
    }
    result[key] = text
  }
  return result
}

function applyMetadata(
  current: Metadata,
  patch: Record<string, string> | null | undefined
): Metadata {
  if (patch === undefined) {
    return current
  }
  if (patch === null) {
    return {}
  }
  const result: Metadata = { ...current }
  for (const [key, value] of Object.entries(patch)) {
    if (value === "") {
      delete result[key]
    } else {
      result[key] = value
    }
  }
  return result
}

function expandList(params: Params): string[] {
  return optStringArray(params, "expand") ?? []
}

function emptyAddress(): FakeAddress {
  return {
    city: null,
    country: null,
    line1: null,
    line2: null,
    postal_code: null,
    state: null,
  }
}

function toAddress(
  value: Record<string, unknown> | null | undefined
): FakeAddress | null | undefined {
  if (value === undefined || value === null) {
    return value
  }
  const address = emptyAddress()
  for (const key of Object.keys(address) as (keyof FakeAddress)[]) {
    const item = value[key]
    address[key] = typeof item === "string" && item !== "" ? item : null
  }
  return address
}

function emptyBillingDetails(): FakeBillingDetails {
  return { address: emptyAddress(), email: null, name: null, phone: null }
}

function formatAmount(amount: number, currency: string): string {
  const symbol = currency === "usd" ? "$" : ""
  const suffix = currency === "usd" ? "" : ` ${currency}`
  return `${symbol}${(amount / 100).toFixed(2)}${suffix}`
}

/** Builds the `Stripe-Signature` header for `body` (`t=...,v1=...`). */
export function signStripePayload(
  body: string,
  secret: string,
  timestamp: number = now()
): string {
  const signature = createHmac("sha256", secret)
    .update(`${timestamp}.${body}`, "utf8")
    .digest("hex")
  return `t=${timestamp},v1=${signature}`
}

/* ------------------------------------------------------------------------ */

export async function startFakeStripe(
  options: FakeStripeOptions
): Promise<FakeStripe> {
  const { webhookSecret } = options
  const apiVersion = options.apiVersion ?? DEFAULT_API_VERSION
  const enforceMinimum = options.enforceMinimumAmount ?? true

  const paymentIntents = new Map<string, FakePaymentIntent>()
  const charges = new Map<string, FakeCharge>()
  const refunds = new Map<string, FakeRefund>()
  const customers = new Map<string, FakeCustomer>()
  const deletedCustomers = new Set<string>()
  const paymentMethods = new Map<string, FakePaymentMethod>()
  const setupIntents = new Map<string, FakeSetupIntent>()
  const idempotency = new Map<
    string,
    {
      method: string
      path: string
      rawBody: string
      requestId: string
      response: FakeResponse
    }
  >()

  /* ----------------------------- lookups --------------------------------- */

  const getPaymentIntent = (id: string, param?: string, status = 404) => {
    const intent = paymentIntents.get(id)
    if (!intent) {
      throw noSuch("payment_intent", id, param, status)
    }
    return intent
  }

  const getCustomer = (id: string, param?: string, status = 404) => {
    const customer = customers.get(id)
    if (!customer) {
      throw noSuch("customer", id, param, status)
    }
    return customer
  }

  const refundedOn = (chargeId: string) =>
    [...refunds.values()]
      .filter(
        (r) =>
          r.charge === chargeId &&
          (r.status === "succeeded" || r.status === "pending")
      )
      .reduce((sum, r) => sum + r.amount, 0)

  /* ----------------------------- renderers -------------------------------- */

  const renderPaymentMethod = (pm: FakePaymentMethod, expand: string[]) => {
    const result: Record<string, unknown> = { ...clone(pm) }
    if (expand.includes("customer") && pm.customer) {
      result.customer = clone(customers.get(pm.customer) ?? pm.customer)
    }
    return result
  }

  const renderPaymentIntent = (pi: FakePaymentIntent, expand: string[]) => {
    const allowed = [
      "payment_method",
      "latest_charge",
      "customer",
      "invoice",
      "review",
      "application",
      "on_behalf_of",
      "source",
    ]
    const unknown = expand.find((field) => !allowed.includes(field))
    if (unknown) {
      throw paramError(
        `This property cannot be expanded (${unknown}).`,
        "expand"
      )
    }
    const result: Record<string, unknown> = { ...clone(pi) }
    if (expand.includes("payment_method") && pi.payment_method) {
      const pm = paymentMethods.get(pi.payment_method)
      result.payment_method = pm ? renderPaymentMethod(pm, []) : null
    }
    if (expand.includes("latest_charge") && pi.latest_charge) {
      result.latest_charge = clone(charges.get(pi.latest_charge) ?? null)
    }
    if (expand.includes("customer") && pi.customer) {
      result.customer = clone(customers.get(pi.customer) ?? null)
    }
    return result
  }

  const renderSetupIntent = (si: FakeSetupIntent, expand: string[]) => {
    const result: Record<string, unknown> = { ...clone(si) }
    if (expand.includes("payment_method") && si.payment_method) {
      const pm = paymentMethods.get(si.payment_method)
      result.payment_method = pm ? renderPaymentMethod(pm, []) : null
    }
    return result
  }

  /* --------------------------- payment methods --------------------------- */

  const createPaymentMethod = (
    input: CreatePaymentMethodOptions = {}
  ): FakePaymentMethod => {
    const type = input.type ?? "card"
    const token = input.token ?? "pm_card_visa"
    const cardSpec =
      TEST_CARDS[token] ?? (type === "card" ? TEST_CARDS.pm_card_visa : null)
    if (input.customer) {
      getCustomer(input.customer, "customer", 400)
    }
    const pm: FakePaymentMethod = {
      id: newId("pm"),
      object: "payment_method",
      allow_redisplay: "unspecified",
      billing_details: emptyBillingDetails(),
      created: now(),
      customer: input.customer ?? null,
      livemode: false,
      metadata: {},
      type,
    }
    if (type === "card" && cardSpec) {
      pm.card = {
        brand: cardSpec.brand,
        checks: {
          address_line1_check: null,
          address_postal_code_check: null,
          cvc_check: "pass",
        },
        country: "US",
        display_brand: cardSpec.brand,
        exp_month: 12,
        exp_year: new Date().getFullYear() + 5,
        fingerprint: randomId(16),
        funding: cardSpec.funding,
        generated_from: null,
        last4: cardSpec.last4,
        networks: { available: [cardSpec.brand], preferred: null },
        three_d_secure_usage: { supported: true },
        wallet: null,
      }
    }
    paymentMethods.set(pm.id, pm)
    return pm
  }

  /** Resolves `pm_...` ids and test tokens (`pm_card_visa`) to a stored method. */
  const resolvePaymentMethod = (
    id: string,
    param = "payment_method"
  ): FakePaymentMethod => {
    const existing = paymentMethods.get(id)
    if (existing) {
      return existing
    }
    if (TEST_CARDS[id]) {
      return createPaymentMethod({ token: id })
    }
    throw noSuch("PaymentMethod", id, param, 400)
  }

  /* ----------------------------- confirmation ---------------------------- */

  const isDeclined = (pm: FakePaymentMethod) =>
    pm.card?.last4 === DECLINED_LAST4

  const newCharge = (
    pi: FakePaymentIntent,
    pm: FakePaymentMethod,
    succeeded: boolean
  ): FakeCharge => {
    const manual = pi.capture_method === "manual"
    const charge: FakeCharge = {
      id: newId("ch"),
      object: "charge",
      amount: pi.amount,
      amount_captured: succeeded && !manual ? pi.amount : 0,
      amount_refunded: 0,
      application: null,
      application_fee: null,
      application_fee_amount: null,
      balance_transaction: succeeded && !manual ? newId("txn") : null,
      billing_details: clone(pm.billing_details),
      calculated_statement_descriptor: "FAKE STRIPE",
      captured: succeeded && !manual,
      created: now(),
      currency: pi.currency,
      customer: pi.customer,
      description: pi.description,
      disputed: false,
      failure_balance_transaction: null,
      failure_code: succeeded ? null : "card_declined",
      failure_message: succeeded ? null : "Your card was declined.",
      fraud_details: {},
      invoice: null,
      livemode: false,
      metadata: { ...pi.metadata },
      on_behalf_of: null,
      outcome: {
        network_status: succeeded
          ? "approved_by_network"
          : "declined_by_network",
        reason: succeeded ? null : "generic_decline",
        risk_level: "normal",
        risk_score: 20,
        seller_message: succeeded
          ? "Payment complete."
          : "The bank did not return any further details with this decline.",
        type: succeeded ? "authorized" : "issuer_declined",
      },
      paid: succeeded,
      payment_intent: pi.id,
      payment_method: pm.id,
      payment_method_details: pm.card
        ? {
            card: {
              brand: pm.card.brand,
              capture_before: manual ? now() + 7 * 24 * 3600 : undefined,
              country: pm.card.country,
              exp_month: pm.card.exp_month,
              exp_year: pm.card.exp_year,
              fingerprint: pm.card.fingerprint,
              funding: pm.card.funding,
              last4: pm.card.last4,
              network: pm.card.brand,
            },
            type: "card",
          }
        : { type: pm.type },
      receipt_email: pi.receipt_email,
      receipt_number: null,
      receipt_url: `https://pay.stripe.com/receipts/${randomId(32)}`,
      refunded: false,
      review: null,
      shipping: pi.shipping,
      source: null,
      source_transfer: null,
      statement_descriptor: pi.statement_descriptor,
      statement_descriptor_suffix: pi.statement_descriptor_suffix,
      status: succeeded ? "succeeded" : "failed",
      transfer_data: null,
      transfer_group: pi.transfer_group,
    }
    charges.set(charge.id, charge)
    return charge
  }

  const applyConfirmation = (
    pi: FakePaymentIntent,
    pm: FakePaymentMethod,
    outcome: ConfirmOutcome
  ): FakePaymentIntent => {
    pi.payment_method = pm.id
    pi.last_payment_error = null
    pi.next_action = null
    if (outcome === "declined" || (outcome === "success" && isDeclined(pm))) {
      const charge = newCharge(pi, pm, false)
      pi.latest_charge = charge.id
      pi.status = "requires_payment_method"
      pi.payment_method = null
      pi.last_payment_error = {
        type: "card_error",
        code: "card_declined",
        decline_code: "generic_decline",
        message: "Your card was declined.",
        charge: charge.id,
        doc_url: docUrl("card_declined"),
        payment_method: clone(pm),
      }
      return pi
    }
    if (outcome === "requires_action") {
      pi.status = "requires_action"
      pi.next_action = {
        type: "redirect_to_url",
        redirect_to_url: {
          return_url: "https://example.test/return",
          url: `https://hooks.stripe.com/3d_secure_2/hosted?payment_intent=${pi.id}`,
        },
      }
      return pi
    }
    if (outcome === "processing") {
      pi.status = "processing"
      return pi
    }
    const charge = newCharge(pi, pm, true)
    pi.latest_charge = charge.id
    if (pi.capture_method === "manual") {
      pi.status = "requires_capture"
      pi.amount_capturable = pi.amount
    } else {
      pi.status = "succeeded"
      pi.amount_received = pi.amount
      pi.amount_capturable = 0
    }
    if (pi.setup_future_usage && pi.customer && !pm.customer) {
      pm.customer = pi.customer
    }
    return pi
  }

  const confirmPaymentIntent = (
    id: string,
    input: ConfirmPaymentIntentOptions = {}
  ): FakePaymentIntent => {
    const pi = paymentIntents.get(id)
    if (!pi) {
      throw new Error(`Fake Stripe: unknown payment intent ${id}`)
    }
    if (!UPDATABLE_STATUSES.includes(pi.status)) {
      throw new Error(
        `Fake Stripe: cannot confirm payment intent ${id} in status ${pi.status}`
      )
    }
    const pm = input.paymentMethod
      ? resolvePaymentMethod(input.paymentMethod)
      : pi.payment_method
        ? resolvePaymentMethod(pi.payment_method)
        : createPaymentMethod({ token: "pm_card_visa" })
    return applyConfirmation(pi, pm, input.outcome ?? "success")
  }

  /** API-side confirmation (confirm=true or /confirm). Declines → 402. */
  const confirmViaApi = (pi: FakePaymentIntent, params: Params) => {
    if (!UPDATABLE_STATUSES.includes(pi.status)) {
      throw invalidRequest(
        `You cannot confirm this PaymentIntent because it has a status of ${pi.status}.`,
        {
          code: "payment_intent_unexpected_state",
          payment_intent: renderPaymentIntent(pi, []),
        }
      )
    }
    const pmId = optString(params, "payment_method") ?? pi.payment_method
    const pmData = optObject(params, "payment_method_data")
    let pm: FakePaymentMethod | undefined
    if (pmId) {
      pm = resolvePaymentMethod(pmId)
    } else if (pmData) {
      pm = createPaymentMethod({
        type: typeof pmData.type === "string" ? pmData.type : "card",
      })
    }
    if (!pm) {
      throw invalidRequest(
        "You cannot confirm this PaymentIntent because it's missing a payment method. You can either update the PaymentIntent with a payment method and then confirm it again, or confirm it again directly with a payment method or ConfirmationToken.",
        {
          code: "payment_intent_unexpected_state",
          payment_intent: renderPaymentIntent(pi, []),
        }
      )
    }
    const returnUrl = optString(params, "return_url")
    if (
      pi.automatic_payment_methods?.enabled &&
      pi.automatic_payment_methods.allow_redirects !== "never" &&
      !returnUrl
    ) {
      throw invalidRequest(
        "This PaymentIntent is configured to accept payment methods enabled in your Dashboard. Because some of these payment methods might redirect your customer off of your page, you must provide a `return_url`. If you don't want to accept redirect-based payment methods, set `automatic_payment_methods[enabled]` to `true` and `automatic_payment_methods[allow_redirects]` to `never` when creating Setup Intents and Payment Intents.",
        { param: "return_url" }
      )
    }
    applyConfirmation(pi, pm, "success")
    if (pi.last_payment_error) {
      const { last_payment_error: error } = pi
      throw new StripeApiError(402, {
        type: "card_error",
        code: error.code,
        decline_code: error.decline_code,
        message: error.message,
        charge: error.charge,
        doc_url: error.doc_url,
        payment_intent: renderPaymentIntent(pi, []),
        payment_method: error.payment_method,
      })
    }
  }

  /* --------------------------- payment intents --------------------------- */

  const createPaymentIntent = (params: Params): FakeResponse => {
    const expand = expandList(params)
    const amount = optInteger(params, "amount")
    if (amount === undefined) {
      throw missingParam("amount")
    }
    const currencyRaw = optString(params, "currency")
    if (currencyRaw === undefined) {
      throw missingParam("currency")
    }
    const currency = currencyRaw.toLowerCase()
    if (!/^[a-z]{3}$/.test(currency)) {
      throw paramError(`Invalid currency: ${currencyRaw}.`, "currency")
    }
    if (amount < 1) {
      throw paramError(
        "This value must be greater than or equal to 1.",
        "amount",
        "parameter_invalid_integer"
      )
    }
    const minimum = MINIMUM_AMOUNTS[currency]
    if (enforceMinimum && minimum !== undefined && amount < minimum) {
      throw paramError(
        `Amount must be at least ${formatAmount(minimum, currency)}`,
        "amount",
        "amount_too_small"
      )
    }
    const captureMethod =
      optEnum(params, "capture_method", [
        "automatic",
        "automatic_async",
        "manual",
      ] as const) ?? "automatic"
    const paymentMethodTypes = optStringArray(params, "payment_method_types")
    const automatic = optObject(params, "automatic_payment_methods")
    if (paymentMethodTypes && automatic) {
      throw paramError(
        "You may only specify one of these parameters: automatic_payment_methods, payment_method_types.",
        "automatic_payment_methods"
      )
    }
    const customerId = optNullableString(params, "customer")
    if (customerId) {
      getCustomer(customerId, "customer", 400)
    }
    const paymentMethodId = optNullableString(params, "payment_method")
    const paymentMethod = paymentMethodId
      ? resolvePaymentMethod(paymentMethodId)
      : undefined
    const confirm = optBoolean(params, "confirm") ?? false
    const offSession = optBoolean(params, "off_session")
    if (offSession !== undefined && !confirm) {
      throw paramError(
        "You can only pass in `off_session` when `confirm` is set to true.",
        "off_session"
      )
    }
    const setupFutureUsage = optEnum(params, "setup_future_usage", [
      "off_session",
      "on_session",
      "",
    ] as const)
    const configuration = optString(params, "payment_method_configuration")
    const id = newId("pi")
    const pi: FakePaymentIntent = {
      id,
      object: "payment_intent",
      amount,
      amount_capturable: 0,
      amount_details: { tip: {} },
      amount_received: 0,
      application: null,
      application_fee_amount:
        optInteger(params, "application_fee_amount") ?? null,
      automatic_payment_methods: automatic
        ? {
            enabled: automatic.enabled === "true" || automatic.enabled === true,
            ...(typeof automatic.allow_redirects === "string"
              ? { allow_redirects: automatic.allow_redirects }
              : { allow_redirects: "always" }),
          }
        : null,
      canceled_at: null,
      cancellation_reason: null,
      capture_method: captureMethod,
      client_secret: `${id}_secret_${randomId(25)}`,
      confirmation_method:
        optEnum(params, "confirmation_method", [
          "automatic",
          "manual",
        ] as const) ?? "automatic",
      created: now(),
      currency,
      customer: customerId ?? null,
      description: optNullableString(params, "description") ?? null,
      invoice: null,
      last_payment_error: null,
      latest_charge: null,
      livemode: false,
      metadata: applyMetadata({}, optMetadata(params)),
      next_action: null,
      on_behalf_of: null,
      payment_method: paymentMethod?.id ?? null,
      payment_method_configuration_details: configuration
        ? { id: configuration, parent: null }
        : null,
      payment_method_options: optObject(params, "payment_method_options") ?? {},
      payment_method_types: paymentMethodTypes ?? ["card"],
      processing: null,
      receipt_email: optNullableString(params, "receipt_email") ?? null,
      review: null,
      setup_future_usage: setupFutureUsage ? setupFutureUsage : null,
      shipping: optObject(params, "shipping") ?? null,
      source: null,
      statement_descriptor:
        optNullableString(params, "statement_descriptor") ?? null,
      statement_descriptor_suffix:
        optNullableString(params, "statement_descriptor_suffix") ?? null,
      status: paymentMethod
        ? "requires_confirmation"
        : "requires_payment_method",
      transfer_data: null,
      transfer_group: optNullableString(params, "transfer_group") ?? null,
    }
    // Validate expand before persisting anything.
    renderPaymentIntent(pi, expand)
    paymentIntents.set(id, pi)
    if (confirm) {
      confirmViaApi(pi, params)
    }
    return { status: 200, body: renderPaymentIntent(pi, expand) }
  }

  const updatePaymentIntent = (id: string, params: Params): FakeResponse => {
    const pi = getPaymentIntent(id)
    const expand = expandList(params)
    const alwaysUpdatable = [
      "metadata",
      "description",
      "expand",
      "receipt_email",
      "shipping",
    ]
    const restricted = Object.keys(params).filter(
      (key) => !alwaysUpdatable.includes(key)
    )
    if (restricted.length > 0 && !UPDATABLE_STATUSES.includes(pi.status)) {
      const field = restricted.includes("amount") ? "amount" : restricted[0]
      throw invalidRequest(
        `This PaymentIntent's ${field} could not be updated because it has a status of ${pi.status}. You may only update the ${field} of a PaymentIntent with one of the following statuses: ${UPDATABLE_STATUSES.join(", ")}.`,
        {
          code: "payment_intent_unexpected_state",
          payment_intent: renderPaymentIntent(pi, []),
        }
      )
    }
    const amount = optInteger(params, "amount")
    if (amount !== undefined && amount < 1) {
      throw paramError(
        "This value must be greater than or equal to 1.",
        "amount",
        "parameter_invalid_integer"
      )
    }
    const currency = optString(params, "currency")?.toLowerCase()
    const customerId = optNullableString(params, "customer")
    if (customerId) {
      getCustomer(customerId, "customer", 400)
    }
    const paymentMethodId = optNullableString(params, "payment_method")
    const paymentMethod = paymentMethodId
      ? resolvePaymentMethod(paymentMethodId)
      : undefined
    const captureMethod = optEnum(params, "capture_method", [
      "automatic",
      "automatic_async",
      "manual",
    ] as const)
    const setupFutureUsage = optEnum(params, "setup_future_usage", [
      "off_session",
      "on_session",
      "",
    ] as const)
    const description = optNullableString(params, "description")
    const receiptEmail = optNullableString(params, "receipt_email")
    const paymentMethodTypes = optStringArray(params, "payment_method_types")
    const shipping = optObject(params, "shipping")
    const metadata = optMetadata(params)
    renderPaymentIntent(pi, expand)

    if (amount !== undefined) {
      pi.amount = amount
    }
    if (currency !== undefined) {
      pi.currency = currency
    }
    if (customerId !== undefined) {
      pi.customer = customerId
    }
    if (paymentMethodId !== undefined) {
      pi.payment_method = paymentMethod?.id ?? null
      pi.status = paymentMethod
        ? "requires_confirmation"
        : "requires_payment_method"
    }
    if (captureMethod !== undefined) {
      pi.capture_method = captureMethod
    }
    if (setupFutureUsage !== undefined) {
      pi.setup_future_usage = setupFutureUsage === "" ? null : setupFutureUsage
    }
    if (description !== undefined) {
      pi.description = description
    }
    if (receiptEmail !== undefined) {
      pi.receipt_email = receiptEmail
    }
    if (paymentMethodTypes !== undefined) {
      pi.payment_method_types = paymentMethodTypes
    }
    if (shipping !== undefined) {
      pi.shipping = shipping
    }
    pi.metadata = applyMetadata(pi.metadata, metadata)
    return { status: 200, body: renderPaymentIntent(pi, expand) }
  }

  const capturePaymentIntent = (id: string, params: Params): FakeResponse => {
    const pi = getPaymentIntent(id)
    const expand = expandList(params)
    if (pi.status !== "requires_capture") {
      throw invalidRequest(
        `This PaymentIntent could not be captured because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be captured: requires_capture.`,
        {
          code: "payment_intent_unexpected_state",
          payment_intent: renderPaymentIntent(pi, []),
        }
      )
    }
    const amountToCapture =
      optInteger(params, "amount_to_capture") ?? pi.amount_capturable
    if (amountToCapture < 1 || amountToCapture > pi.amount_capturable) {
      throw paramError(
        `The amount to capture (${amountToCapture}) must be a positive integer less than or equal to the amount capturable (${pi.amount_capturable}).`,
        "amount_to_capture",
        "amount_too_large"
      )
    }
    const metadata = optMetadata(params)
    renderPaymentIntent(pi, expand)
    const charge = pi.latest_charge ? charges.get(pi.latest_charge) : undefined
    if (charge) {
      charge.captured = true
      charge.amount_captured = amountToCapture
      // Stripe releases the uncaptured remainder, reporting it as refunded.
      charge.amount_refunded = charge.amount - amountToCapture
      charge.balance_transaction = newId("txn")
    }
    pi.amount_received = amountToCapture
    pi.amount_capturable = 0
    pi.status = "succeeded"
    pi.metadata = applyMetadata(pi.metadata, metadata)
    return { status: 200, body: renderPaymentIntent(pi, expand) }
  }

  const cancelPaymentIntent = (id: string, params: Params): FakeResponse => {
    const pi = getPaymentIntent(id)
    const expand = expandList(params)
    if (!CANCELABLE_STATUSES.includes(pi.status)) {
      throw invalidRequest(
        `You cannot cancel this PaymentIntent because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be canceled: ${CANCELABLE_STATUSES.join(", ")}.`,
        {
          code: "payment_intent_unexpected_state",
          payment_intent: renderPaymentIntent(pi, []),
        }
      )
    }
    const reason = optEnum(params, "cancellation_reason", [
      "duplicate",
      "fraudulent",
      "requested_by_customer",
      "abandoned",
    ] as const)
    renderPaymentIntent(pi, expand)
    const charge = pi.latest_charge ? charges.get(pi.latest_charge) : undefined
    if (charge && charge.status === "succeeded" && !charge.captured) {
      charge.amount_refunded = charge.amount
      charge.refunded = true
    }
    pi.status = "canceled"
    pi.canceled_at = now()
    pi.cancellation_reason = reason ?? null
    pi.amount_capturable = 0
    pi.next_action = null
    return { status: 200, body: renderPaymentIntent(pi, expand) }
  }

  /* -------------------------------- refunds ------------------------------ */

  const createRefund = (params: Params): FakeResponse => {
    const piId = optString(params, "payment_intent")
    const chargeId = optString(params, "charge")
    if (!piId && !chargeId) {
      throw paramError(
        "One of the following params should be provided for this request: payment_intent or charge.",
        "payment_intent",
        "parameter_missing"
      )
    }
    let charge: FakeCharge | undefined
    let pi: FakePaymentIntent | undefined
    if (piId) {
      pi = getPaymentIntent(piId, "payment_intent", 400)
      charge = pi.latest_charge ? charges.get(pi.latest_charge) : undefined
      if (!charge || charge.status !== "succeeded") {
        throw invalidRequest(
          `This PaymentIntent (${pi.id}) does not have a successful charge to refund.`,
          { code: "charge_not_refundable", param: "payment_intent" }
        )
      }
    } else if (chargeId) {
      charge = charges.get(chargeId)
      if (!charge) {
        throw noSuch("charge", chargeId, "charge", 400)
      }
      pi = charge.payment_intent
        ? paymentIntents.get(charge.payment_intent)
        : undefined
    }
    if (!charge) {
      throw missingParam("payment_intent")
    }
    if (!charge.captured) {
      throw invalidRequest(
        `Charge ${charge.id} has not been captured. Cancel the PaymentIntent instead to release the authorization.`,
        { code: "charge_not_refundable" }
      )
    }
    const remaining = charge.amount_captured - refundedOn(charge.id)
    if (remaining <= 0) {
      throw invalidRequest(`Charge ${charge.id} has already been refunded.`, {
        code: "charge_already_refunded",
      })
    }
    const amount = optInteger(params, "amount") ?? remaining
    if (amount < 1) {
      throw paramError(
        "This value must be greater than or equal to 1.",
        "amount",
        "parameter_invalid_integer"
      )
    }
    if (amount > remaining) {
      throw invalidRequest(
        `Refund amount (${formatAmount(amount, charge.currency)}) is greater than unrefunded amount on charge (${formatAmount(remaining, charge.currency)})`,
        { code: "amount_too_large", param: "amount" }
      )
    }
    const reason =
      optEnum(params, "reason", [
        "duplicate",
        "fraudulent",
        "requested_by_customer",
      ] as const) ?? null
    const metadata = applyMetadata({}, optMetadata(params))
    const refund: FakeRefund = {
      id: newId("re"),
      object: "refund",
      amount,
      balance_transaction: newId("txn"),
      charge: charge.id,
      created: now(),
      currency: charge.currency,
      destination_details: {
        card: {
          reference: randomId(12),
          reference_status: "available",
          reference_type: "acquirer_reference_number",
          type: "refund",
        },
        type: "card",
      },
      metadata,
      payment_intent: pi?.id ?? null,
      reason,
      receipt_number: null,
      source_transfer_reversal: null,
      status: "succeeded",
      transfer_reversal: null,
    }
    refunds.set(refund.id, refund)
    charge.amount_refunded += amount
    charge.refunded = refundedOn(charge.id) >= charge.amount_captured
    return { status: 200, body: clone(refund) }
  }

  /* ------------------------------- customers ----------------------------- */

  const validateEmail = (email: string | null | undefined) => {
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      throw paramError(
        `Invalid email address: ${email}`,
        "email",
        "email_invalid"
      )
    }
  }

  const createCustomer = (params: Params): FakeResponse => {
    const email = optNullableString(params, "email")
    validateEmail(email)
    const customer: FakeCustomer = {
      id: newId("cus").slice(0, 18),
      object: "customer",
      address: toAddress(optObject(params, "address")) ?? null,
      balance: optInteger(params, "balance") ?? 0,
      created: now(),
      currency: null,
      default_source: null,
      delinquent: false,
      description: optNullableString(params, "description") ?? null,
      discount: null,
      email: email ?? null,
      invoice_prefix: randomId(8).toUpperCase(),
      invoice_settings: {
        custom_fields: null,
        default_payment_method: null,
        footer: null,
        rendering_options: null,
      },
      livemode: false,
      metadata: applyMetadata({}, optMetadata(params)),
      name: optNullableString(params, "name") ?? null,
      next_invoice_sequence: 1,
      phone: optNullableString(params, "phone") ?? null,
      preferred_locales: optStringArray(params, "preferred_locales") ?? [],
      shipping: optObject(params, "shipping") ?? null,
      tax_exempt: "none",
      test_clock: null,
    }
    customers.set(customer.id, customer)
    return { status: 200, body: clone(customer) }
  }

  const retrieveCustomer = (id: string): FakeResponse => {
    if (deletedCustomers.has(id)) {
      return { status: 200, body: { id, object: "customer", deleted: true } }
    }
    return { status: 200, body: clone(getCustomer(id)) }
  }

  const updateCustomer = (id: string, params: Params): FakeResponse => {
    const customer = getCustomer(id)
    const email = optNullableString(params, "email")
    validateEmail(email)
    const name = optNullableString(params, "name")
    const phone = optNullableString(params, "phone")
    const description = optNullableString(params, "description")
    const address = toAddress(optObject(params, "address"))
    const shipping = optObject(params, "shipping")
    const metadata = optMetadata(params)
    const invoiceSettings = optObject(params, "invoice_settings")
    if (email !== undefined) {
      customer.email = email
    }
    if (name !== undefined) {
      customer.name = name
    }
    if (phone !== undefined) {
      customer.phone = phone
    }
    if (description !== undefined) {
      customer.description = description
    }
    if (address !== undefined) {
      customer.address = address
    }
    if (shipping !== undefined) {
      customer.shipping = shipping
    }
    if (invoiceSettings) {
      const defaultPm = invoiceSettings.default_payment_method
      if (typeof defaultPm === "string") {
        customer.invoice_settings.default_payment_method =
          defaultPm === "" ? null : defaultPm
      }
    }
    customer.metadata = applyMetadata(customer.metadata, metadata)
    return { status: 200, body: clone(customer) }
  }

  const deleteCustomer = (id: string): FakeResponse => {
    getCustomer(id)
    customers.delete(id)
    deletedCustomers.add(id)
    for (const pm of paymentMethods.values()) {
      if (pm.customer === id) {
        pm.customer = null
      }
    }
    return { status: 200, body: { id, object: "customer", deleted: true } }
  }

  const listCustomerPaymentMethods = (
    id: string,
    params: Params
  ): FakeResponse => {
    getCustomer(id)
    const limit = optInteger(params, "limit") ?? 10
    if (limit < 1 || limit > 100) {
      throw paramError(
        "This value must be between 1 and 100 (inclusive).",
        "limit",
        "parameter_invalid_integer"
      )
    }
    const type = optString(params, "type")
    const all = [...paymentMethods.values()]
      .filter((pm) => pm.customer === id && (!type || pm.type === type))
      .sort((a, b) => b.created - a.created)
    return {
      status: 200,
      body: {
        object: "list",
        data: all.slice(0, limit).map((pm) => renderPaymentMethod(pm, [])),
        has_more: all.length > limit,
        url: `/v1/customers/${id}/payment_methods`,
      },
    }
  }

  /* ------------------------------ setup intents --------------------------- */

  const attachToCustomer = (
    si: FakeSetupIntent,
    pm: FakePaymentMethod
  ): void => {
    si.payment_method = pm.id
    si.status = "succeeded"
    if (si.customer) {
      pm.customer = si.customer
    }
  }

  const createSetupIntent = (params: Params): FakeResponse => {
    const expand = expandList(params)
    const customerId = optNullableString(params, "customer")
    if (customerId) {
      getCustomer(customerId, "customer", 400)
    }
    const paymentMethodTypes = optStringArray(params, "payment_method_types")
    const automatic = optObject(params, "automatic_payment_methods")
    if (paymentMethodTypes && automatic) {
      throw paramError(
        "You may only specify one of these parameters: automatic_payment_methods, payment_method_types.",
        "automatic_payment_methods"
      )
    }
    const paymentMethodId = optNullableString(params, "payment_method")
    const paymentMethod = paymentMethodId
      ? resolvePaymentMethod(paymentMethodId)
      : undefined
    const confirm = optBoolean(params, "confirm") ?? false
    const usage =
      optEnum(params, "usage", ["off_session", "on_session"] as const) ??
      "off_session"
    const id = newId("seti")
    const si: FakeSetupIntent = {
      id,
      object: "setup_intent",
      application: null,
      automatic_payment_methods: automatic
        ? {
            enabled: automatic.enabled === "true" || automatic.enabled === true,
          }
        : null,
      cancellation_reason: null,
      client_secret: `${id}_secret_${randomId(25)}`,
      created: now(),
      customer: customerId ?? null,
      description: optNullableString(params, "description") ?? null,
      flow_directions: null,
      last_setup_error: null,
      latest_attempt: null,
      livemode: false,
      mandate: null,
      metadata: applyMetadata({}, optMetadata(params)),
      next_action: null,
      on_behalf_of: null,
      payment_method: paymentMethod?.id ?? null,
      payment_method_configuration_details: null,
      payment_method_options: optObject(params, "payment_method_options") ?? {},
      payment_method_types: paymentMethodTypes ?? ["card"],
      single_use_mandate: null,
      status: paymentMethod
        ? "requires_confirmation"
        : "requires_payment_method",
      usage,
    }
    if (confirm) {
      if (!paymentMethod) {
        throw invalidRequest(
          "You cannot confirm this SetupIntent because it's missing a payment method.",
          { code: "setup_intent_unexpected_state" }
        )
      }
      attachToCustomer(si, paymentMethod)
    }
    setupIntents.set(id, si)
    return { status: 200, body: renderSetupIntent(si, expand) }
  }

  const confirmSetupIntent = (id: string): FakeSetupIntent => {
    const si = setupIntents.get(id)
    if (!si) {
      throw new Error(`Fake Stripe: unknown setup intent ${id}`)
    }
    const pm = si.payment_method
      ? resolvePaymentMethod(si.payment_method)
      : createPaymentMethod({ token: "pm_card_visa" })
    attachToCustomer(si, pm)
    return si
  }

  /* ----------------------------- payment methods -------------------------- */

  const retrievePaymentMethod = (id: string, params: Params): FakeResponse => {
    const pm = paymentMethods.get(id)
    if (!pm) {
      throw noSuch("PaymentMethod", id)
    }
    return { status: 200, body: renderPaymentMethod(pm, expandList(params)) }
  }

  const detachPaymentMethod = (id: string, params: Params): FakeResponse => {
    const pm = paymentMethods.get(id)
    if (!pm) {
      throw noSuch("PaymentMethod", id)
    }
    if (!pm.customer) {
      throw invalidRequest(
        "The payment method you provided is not attached to a customer so detachment is impossible.",
        { code: "payment_method_unexpected_state" }
      )
    }
    pm.customer = null
    return { status: 200, body: renderPaymentMethod(pm, expandList(params)) }
  }

  /* --------------------------------- router ------------------------------- */

  type Route = {
    method: string
    pattern: RegExp
    run: (match: string[], params: Params) => FakeResponse
  }

  const routes: Route[] = [
    {
      method: "POST",
      pattern: /^\/v1\/payment_intents$/,
      run: (_m, p) => createPaymentIntent(p),
    },
    {
      method: "GET",
      pattern: /^\/v1\/payment_intents\/([^/]+)$/,
      run: ([id], p) => ({
        status: 200,
        body: renderPaymentIntent(getPaymentIntent(id), expandList(p)),
      }),
    },
    {
      method: "POST",
      pattern: /^\/v1\/payment_intents\/([^/]+)$/,
      run: ([id], p) => updatePaymentIntent(id, p),
    },
    {
      method: "POST",
      pattern: /^\/v1\/payment_intents\/([^/]+)\/confirm$/,
      run: ([id], p) => {
        const pi = getPaymentIntent(id)
        const expand = expandList(p)
        renderPaymentIntent(pi, expand)
        confirmViaApi(pi, p)
        return { status: 200, body: renderPaymentIntent(pi, expand) }
      },
    },
    {
      method: "POST",
      pattern: /^\/v1\/payment_intents\/([^/]+)\/capture$/,
      run: ([id], p) => capturePaymentIntent(id, p),
    },
    {
      method: "POST",
      pattern: /^\/v1\/payment_intents\/([^/]+)\/cancel$/,
      run: ([id], p) => cancelPaymentIntent(id, p),
    },
    {
      method: "POST",
      pattern: /^\/v1\/refunds$/,
      run: (_m, p) => createRefund(p),
    },
    {
      method: "GET",
      pattern: /^\/v1\/refunds\/([^/]+)$/,
      run: ([id]) => {
        const refund = refunds.get(id)
        if (!refund) {
          throw noSuch("refund", id)
        }
        return { status: 200, body: clone(refund) }
      },
    },
    {
      method: "GET",
      pattern: /^\/v1\/charges\/([^/]+)$/,
      run: ([id]) => {
        const charge = charges.get(id)
        if (!charge) {
          throw noSuch("charge", id)
        }
        return { status: 200, body: clone(charge) }
      },
    },
    {
      method: "POST",
      pattern: /^\/v1\/customers$/,
      run: (_m, p) => createCustomer(p),
    },
    {
      method: "GET",
      pattern: /^\/v1\/customers\/([^/]+)$/,
      run: ([id]) => retrieveCustomer(id),
    },
    {
      method: "POST",
      pattern: /^\/v1\/customers\/([^/]+)$/,
      run: ([id], p) => updateCustomer(id, p),
    },
    {
      method: "DELETE",
      pattern: /^\/v1\/customers\/([^/]+)$/,
      run: ([id]) => deleteCustomer(id),
    },
    {
      method: "GET",
      pattern: /^\/v1\/customers\/([^/]+)\/payment_methods$/,
      run: ([id], p) => listCustomerPaymentMethods(id, p),
    },
    {
      method: "POST",
      pattern: /^\/v1\/setup_intents$/,
      run: (_m, p) => createSetupIntent(p),
    },
    {
      method: "GET",
      pattern: /^\/v1\/setup_intents\/([^/]+)$/,
      run: ([id], p) => {
        const si = setupIntents.get(id)
        if (!si) {
          throw noSuch("setupintent", id)
        }
        return { status: 200, body: renderSetupIntent(si, expandList(p)) }
      },
    },
    {
      method: "GET",
      pattern: /^\/v1\/payment_methods\/([^/]+)$/,
      run: ([id], p) => retrievePaymentMethod(id, p),
    },
    {
      method: "POST",
      pattern: /^\/v1\/payment_methods\/([^/]+)\/detach$/,
      run: ([id], p) => detachPaymentMethod(id, p),
    },
  ]

  const authenticate = (request: RecordedRequest): FakeResponse | null => {
    const header = headerValue(request.headers, "authorization") ?? ""
    const key = header.startsWith("Bearer ") ? header.slice(7).trim() : ""
    if (!key) {
      return {
        status: 401,
        body: {
          error: {
            type: "invalid_request_error",
            message:
              "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
          },
        },
      }
    }
    const valid = options.apiKey
      ? key === options.apiKey
      : /^(sk|rk)_(test|live)_/.test(key)
    if (!valid) {
      const masked =
        key.length > 8 ? `${key.slice(0, 8)}***${key.slice(-4)}` : key
      return {
        status: 401,
        body: {
          error: {
            type: "invalid_request_error",
            code: "api_key_invalid",
            message: `Invalid API Key provided: ${masked}`,
          },
        },
      }
    }
    return null
  }

  /** `storeable: false` marks validation failures the idempotency layer forgets. */
  const dispatch = (
    request: RecordedRequest
  ): { response: FakeResponse; storeable: boolean } => {
    const params: Params =
      request.method === "GET" || request.method === "DELETE"
        ? request.query
        : { ...request.query, ...asRecord(request.body) }
    for (const route of routes) {
      if (route.method !== request.method) {
        continue
      }
      const match = route.pattern.exec(request.path)
      if (!match) {
        continue
      }
      try {
        const response = route.run(
          match.slice(1).map((part) => decodeURIComponent(part)),
          params
        )
        return { response, storeable: true }
      } catch (error) {
        if (error instanceof StripeApiError) {
          return {
            response: { status: error.status, body: { error: error.body } },
            storeable: error.storeable,
          }
        }
        throw error
      }
    }
    return {
      response: {
        status: 404,
        body: {
          error: {
            type: "invalid_request_error",
            message: `Unrecognized request URL (${request.method}: ${request.path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
          },
        },
      },
      storeable: false,
    }
  }

  const handler = (request: RecordedRequest): FakeResponse => {
    const authError = authenticate(request)
    if (authError) {
      return authError
    }
    const key = headerValue(request.headers, "idempotency-key")
    // Stripe ignores idempotency keys on GET and DELETE.
    if (!key || request.method !== "POST") {
      return dispatch(request).response
    }
    const previous = idempotency.get(key)
    if (previous) {
      if (
        previous.method !== request.method ||
        previous.path !== request.path ||
        previous.rawBody !== request.rawBody
      ) {
        return {
          status: 400,
          body: {
            error: {
              type: "idempotency_error",
              message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
            },
          },
        }
      }
      return {
        ...clone(previous.response),
        headers: {
          ...previous.response.headers,
          "idempotent-replayed": "true",
          "original-request": previous.requestId,
        },
      }
    }
    const { response, storeable } = dispatch(request)
    if (storeable) {
      idempotency.set(key, {
        method: request.method,
        path: request.path,
        rawBody: request.rawBody,
        requestId: `req_${randomId(14)}`,
        response: clone(response),
      })
    }
    return response
  }

  const base = await startHttpFake(handler, {
    errorBody: (status) => ({
      error: {
        type: status === 429 ? "rate_limit_error" : "api_error",
        ...(status === 429 ? { code: "rate_limit" } : {}),
        message:
          status === 429
            ? "Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits."
            : `An unknown error occurred (injected HTTP ${status}).`,
      },
    }),
    responseHeaders: () => ({
      "request-id": `req_${randomId(14)}`,
      "stripe-version": apiVersion,
    }),
    onReset: () => {
      paymentIntents.clear()
      charges.clear()
      refunds.clear()
      customers.clear()
      deletedCustomers.clear()
      paymentMethods.clear()
      setupIntents.clear()
      idempotency.clear()
    },
  })

  const signedEvent = (
    type: string,
    object: object,
    signOptions: SignedEventOptions = {}
  ): SignedStripeEvent => {
    const created = now()
    const event: StripeEventEnvelope = {
      id: newId("evt"),
      object: "event",
      api_version: apiVersion,
      created,
      data: {
        object: clone(object),
        ...(signOptions.previousAttributes
          ? { previous_attributes: clone(signOptions.previousAttributes) }
          : {}),
      },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
    }
    const body = JSON.stringify(event, null, 2)
    return {
      body,
      headers: {
        "stripe-signature": signStripePayload(
          body,
          webhookSecret,
          signOptions.timestamp ?? created
        ),
        "content-type": "application/json",
      },
      event,
    }
  }

  return Object.assign(base, {
    clientConfig: {
      host: "127.0.0.1",
      port: base.port,
      protocol: "http" as const,
    },
    webhookSecret,
    paymentIntents,
    charges,
    refunds,
    customers,
    paymentMethods,
    setupIntents,
    confirmPaymentIntent,
    confirmSetupIntent,
    createPaymentMethod,
    signedEvent,
  })
}
