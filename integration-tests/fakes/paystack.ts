import { createHmac } from "node:crypto"

import {
  asRecord,
  headerValue,
  randomString,
  startHttpFake,
  type FakeResponse,
  type HttpFake,
  type RecordedRequest,
} from "./http-fake"

export type PaystackTransactionStatus = "abandoned" | "success" | "failed"

export interface PaystackCustomer {
  id: number
  customer_code: string
  email: string
}

export interface PaystackAuthorization {
  authorization_code: string
  bin: string
  last4: string
  exp_month: string
  exp_year: string
  channel: "card"
  card_type: string
  bank: string
  country_code: string
  brand: string
  reusable: boolean
  signature: string
  account_name: string | null
}

export interface PaystackTransaction {
  id: number
  reference: string
  access_code: string
  authorization_url: string
  email: string
  /** Amount in the lowest denomination (kobo for NGN). */
  amount: number
  currency: string
  status: PaystackTransactionStatus
  metadata: unknown
  callback_url: string | null
  created_at: string
  paid_at: string | null
  gateway_response: string
  customer: PaystackCustomer
  authorization: PaystackAuthorization | null
}

export type PaystackRefundStatus = "pending" | "processed" | "failed"

export interface PaystackRefund {
  id: number
  transaction: { id: number; reference: string }
  amount: number
  currency: string
  status: PaystackRefundStatus
  customer_note: string
  merchant_note: string
  created_at: string
}

export interface SignedPaystackEvent {
  /** Exact JSON string to POST to the webhook endpoint. */
  body: string
  headers: {
    "x-paystack-signature": string
    "content-type": "application/json"
  }
}

export interface FakePaystackOptions {
  secretKey: string
  /**
   * Paystack documents that references may only contain `-`, `.`, `=` and
   * alphanumerics. Enforced by default (400 otherwise); set false to relax.
   */
  enforceReferenceCharset?: boolean
  /** Currencies accepted by `/transaction/initialize` (default NGN, USD, GHS, ZAR, KES). */
  currencies?: string[]
}

export interface FakePaystack extends HttpFake {
  readonly secretKey: string
  /** Transactions keyed by reference. */
  readonly transactions: Map<string, PaystackTransaction>
  readonly refunds: PaystackRefund[]
  /** Simulates the customer completing checkout successfully. */
  markPaid(reference: string): PaystackTransaction
  /** Simulates a failed charge attempt. */
  markFailed(reference: string): PaystackTransaction
  /** Builds a webhook body `{ event, data }` signed like Paystack does. */
  signedEvent(event: string, data: object): SignedPaystackEvent
  /** Marks the transaction paid and builds the `charge.success` webhook. */
  chargeSuccessEvent(reference: string): SignedPaystackEvent
  /** Marks the refund processed and builds the `refund.processed` webhook. */
  refundProcessedEvent(refundId: number): SignedPaystackEvent
}

const DEFAULT_CURRENCIES = ["NGN", "USD", "GHS", "ZAR", "KES"]

function fail(status: number, message: string): FakeResponse {
  return { status, body: { status: false, message } }
}

function ok(message: string, data: unknown): FakeResponse {
  return { status: 200, body: { status: true, message, data } }
}

function parseAmount(value: unknown): number | undefined {
  if (typeof value === "number") {
    return Number.isInteger(value) && value > 0 ? value : undefined
  }
  if (typeof value === "string" && /^\d+$/.test(value.trim())) {
    const parsed = Number(value.trim())
    return parsed > 0 && Number.isSafeInteger(parsed) ? parsed : undefined
  }
  return undefined
}

function parseMetadata(value: unknown): unknown {
  if (value === undefined || value === null || value === "") {
    return null
  }
  if (typeof value === "string") {
    try {
      return JSON.parse(value) as unknown
    } catch {
      return value
    }
  }
  return value
}

function randomAlnum(length: number): string {
  return randomString(length, "abcdefghijklmnopqrstuvwxyz0123456789")
}

/** Paystack local card fee: 1.5% + NGN 100 (waived under NGN 2,500), capped at NGN 2,000. */
function paystackLocalFee(amount: number): number {
  const flat = amount >= 250000 ? 10000 : 0
  return Math.min(Math.round(amount * 0.015) + flat, 200000)
}

/** Hex HMAC-SHA512 of the exact body with the secret key (`x-paystack-signature`). */
export function signPaystackBody(body: string, secretKey: string): string {
  return createHmac("sha512", secretKey).update(body).digest("hex")
}

export async function startFakePaystack(
  options: FakePaystackOptions
): Promise<FakePaystack> {
  const { secretKey } = options
  const enforceCharset = options.enforceReferenceCharset ?? true
  const currencies = (options.currencies ?? DEFAULT_CURRENCIES).map((c) =>
    c.toUpperCase()
  )

  const transactions = new Map<string, PaystackTransaction>()
  const refunds: PaystackRefund[] = []
  const customersByEmail = new Map<string, PaystackCustomer>()
  let nextTransactionId = 4099260000
  let nextRefundId = 3018000
  let nextCustomerId = 92312000

  const customerFor = (email: string): PaystackCustomer => {
    const existing = customersByEmail.get(email)
    if (existing) {
      return existing
    }
    const customer: PaystackCustomer = {
      id: nextCustomerId++,
      customer_code: `CUS_${randomAlnum(15)}`,
      email,
    }
    customersByEmail.set(email, customer)
    return customer
  }

  const findTransaction = (key: unknown): PaystackTransaction | undefined => {
    if (typeof key === "number") {
      return [...transactions.values()].find((t) => t.id === key)
    }
    if (typeof key !== "string" || key === "") {
      return undefined
    }
    const byReference = transactions.get(key)
    if (byReference) {
      return byReference
    }
    return /^\d+$/.test(key)
      ? [...transactions.values()].find((t) => t.id === Number(key))
      : undefined
  }

  const refundedAmount = (transaction: PaystackTransaction): number =>
    refunds
      .filter(
        (r) => r.transaction.id === transaction.id && r.status !== "failed"
      )
      .reduce((sum, r) => sum + r.amount, 0)

  const verifyData = (t: PaystackTransaction) => ({
    id: t.id,
    domain: "test",
    status: t.status,
    reference: t.reference,
    receipt_number: null,
    amount: t.amount,
    message: null,
    gateway_response: t.gateway_response,
    paid_at: t.paid_at,
    created_at: t.created_at,
    channel: "card",
    currency: t.currency,
    ip_address: "127.0.0.1",
    metadata: t.metadata,
    log: null,
    fees: t.status === "success" ? paystackLocalFee(t.amount) : null,
    fees_split: null,
    authorization: t.authorization ?? {},
    customer: {
      id: t.customer.id,
      first_name: null,
      last_name: null,
      email: t.customer.email,
      customer_code: t.customer.customer_code,
      phone: null,
      metadata: null,
      risk_action: "default",
      international_format_phone: null,
    },
    plan: null,
    split: {},
    order_id: null,
    paidAt: t.paid_at,
    createdAt: t.created_at,
    requested_amount: t.amount,
    pos_transaction_data: null,
    source: null,
    fees_breakdown: null,
    transaction_date: t.created_at,
    plan_object: {},
    subaccount: {},
  })

  const refundData = (r: PaystackRefund) => ({
    id: r.id,
    integration: 412829,
    domain: "test",
    transaction: { id: r.transaction.id, reference: r.transaction.reference },
    dispute: null,
    settlement: null,
    amount: r.amount,
    deducted_amount: 0,
    fully_deducted: false,
    currency: r.currency,
    channel: null,
    status: r.status,
    refunded_by: "fake@paystack.test",
    refunded_at: null,
    expected_at: new Date(
      Date.parse(r.created_at) + 5 * 24 * 3600 * 1000
    ).toISOString(),
    customer_note: r.customer_note,
    merchant_note: r.merchant_note,
    createdAt: r.created_at,
    updatedAt: r.created_at,
  })

  const initialize = (request: RecordedRequest): FakeResponse => {
    const body = asRecord(request.body)
    const email = typeof body.email === "string" ? body.email.trim() : ""
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      return fail(400, "Invalid Email Address Passed")
    }
    const amount = parseAmount(body.amount)
    if (amount === undefined) {
      return fail(400, "Invalid Amount Sent")
    }
    const currency =
      typeof body.currency === "string" && body.currency !== ""
        ? body.currency.toUpperCase()
        : "NGN"
    if (!currencies.includes(currency)) {
      return fail(400, "Currency not supported by merchant")
    }
    let reference: string
    if (body.reference !== undefined && body.reference !== null) {
      if (typeof body.reference !== "string" || body.reference === "") {
        return fail(400, "Invalid transaction reference")
      }
      if (enforceCharset && !/^[A-Za-z0-9.=-]+$/.test(body.reference)) {
        return fail(
          400,
          "Invalid transaction reference. Only -, ., = and alphanumeric characters allowed"
        )
      }
      reference = body.reference
    } else {
      reference = randomAlnum(10)
    }
    if (transactions.has(reference)) {
      return fail(400, "Duplicate Transaction Reference")
    }
    const accessCode = randomAlnum(15)
    const transaction: PaystackTransaction = {
      id: nextTransactionId++,
      reference,
      access_code: accessCode,
      authorization_url: `https://checkout.paystack.com/${accessCode}`,
      email,
      amount,
      currency,
      status: "abandoned",
      metadata: parseMetadata(body.metadata),
      callback_url:
        typeof body.callback_url === "string" ? body.callback_url : null,
      created_at: new Date().toISOString(),
      paid_at: null,
      gateway_response: "The transaction was not completed",
      customer: customerFor(email),
      authorization: null,
    }
    transactions.set(reference, transaction)
    return ok("Authorization URL created", {
      authorization_url: transaction.authorization_url,
      access_code: transaction.access_code,
      reference: transaction.reference,
    })
  }

  const verify = (reference: string): FakeResponse => {
    const transaction = transactions.get(reference)
    if (!transaction) {
      return fail(400, "Transaction reference not found")
    }
    return ok("Verification successful", verifyData(transaction))
  }

  const createRefund = (request: RecordedRequest): FakeResponse => {
    const body = asRecord(request.body)
    if (body.transaction === undefined || body.transaction === "") {
      return fail(400, "Transaction reference or id is required")
    }
    const transaction = findTransaction(body.transaction)
    if (!transaction) {
      return fail(400, "Transaction reference not found")
    }
    if (transaction.status !== "success") {
      return fail(400, "Cannot refund a transaction that was not successful")
    }
    const remaining = transaction.amount - refundedAmount(transaction)
    if (remaining <= 0) {
      return fail(400, "Transaction has been fully reversed")
    }
    let amount = remaining
    if (
      body.amount !== undefined &&
      body.amount !== null &&
      body.amount !== ""
    ) {
      const requested = parseAmount(body.amount)
      if (requested === undefined) {
        return fail(400, "Invalid Amount Sent")
      }
      if (requested > remaining) {
        return fail(
          400,
          "Refund amount cannot be greater than the remaining transaction amount"
        )
      }
      amount = requested
    }
    if (
      typeof body.currency === "string" &&
      body.currency.toUpperCase() !== transaction.currency
    ) {
      return fail(400, "Currency does not match transaction currency")
    }
    const refund: PaystackRefund = {
      id: nextRefundId++,
      transaction: { id: transaction.id, reference: transaction.reference },
      amount,
      currency: transaction.currency,
      status: "pending",
      customer_note:
        typeof body.customer_note === "string"
          ? body.customer_note
          : `Refund for transaction ${transaction.reference}`,
      merchant_note:
        typeof body.merchant_note === "string"
          ? body.merchant_note
          : `Refund for transaction ${transaction.reference}`,
      created_at: new Date().toISOString(),
    }
    refunds.push(refund)
    return ok("Refund has been queued for processing", refundData(refund))
  }

  const handler = (request: RecordedRequest): FakeResponse => {
    const authorization = headerValue(request.headers, "authorization")
    if (authorization !== `Bearer ${secretKey}`) {
      return fail(401, "Invalid key")
    }
    const { method, path } = request
    if (method === "POST" && path === "/transaction/initialize") {
      return initialize(request)
    }
    const verifyMatch = /^\/transaction\/verify\/([^/]+)\/?$/.exec(path)
    if (method === "GET" && verifyMatch) {
      return verify(decodeURIComponent(verifyMatch[1]))
    }
    if (method === "POST" && (path === "/refund" || path === "/refund/")) {
      return createRefund(request)
    }
    const refundMatch = /^\/refund\/(\d+)$/.exec(path)
    if (method === "GET" && refundMatch) {
      const refund = refunds.find((r) => r.id === Number(refundMatch[1]))
      return refund
        ? ok("Refund retrieved", refundData(refund))
        : fail(404, "Refund not found")
    }
    return fail(404, `Route not found: ${method} ${path}`)
  }

  const base = await startHttpFake(handler, {
    errorBody: (status) =>
      fail(status, `An error occurred (HTTP ${status})`).body,
    onReset: () => {
      transactions.clear()
      refunds.length = 0
      customersByEmail.clear()
    },
  })

  const requireTransaction = (reference: string): PaystackTransaction => {
    const transaction = transactions.get(reference)
    if (!transaction) {
      throw new Error(
        `Fake Paystack: unknown transaction reference ${reference}`
      )
    }
    return transaction
  }

  const markPaid = (reference: string): PaystackTransaction => {
    const transaction = requireTransaction(reference)
    if (transaction.status !== "success") {
      transaction.status = "success"
      transaction.paid_at = new Date().toISOString()
      transaction.gateway_response = "Successful"
      transaction.authorization = {
        authorization_code: `AUTH_${randomAlnum(10)}`,
        bin: "408408",
        last4: "4081",
        exp_month: "12",
        exp_year: "2030",
        channel: "card",
        card_type: "visa ",
        bank: "TEST BANK",
        country_code: "NG",
        brand: "visa",
        reusable: true,
        signature: `SIG_${randomAlnum(20)}`,
        account_name: null,
      }
    }
    return transaction
  }

  const markFailed = (reference: string): PaystackTransaction => {
    const transaction = requireTransaction(reference)
    transaction.status = "failed"
    transaction.paid_at = null
    transaction.gateway_response = "Declined"
    return transaction
  }

  const signedEvent = (event: string, data: object): SignedPaystackEvent => {
    const body = JSON.stringify({ event, data })
    return {
      body,
      headers: {
        "x-paystack-signature": signPaystackBody(body, secretKey),
        "content-type": "application/json",
      },
    }
  }

  const chargeSuccessEvent = (reference: string): SignedPaystackEvent => {
    const transaction = markPaid(reference)
    const data = verifyData(transaction)
    return signedEvent("charge.success", {
      id: data.id,
      domain: data.domain,
      status: data.status,
      reference: data.reference,
      amount: data.amount,
      message: null,
      gateway_response: data.gateway_response,
      paid_at: data.paid_at,
      created_at: data.created_at,
      channel: data.channel,
      currency: data.currency,
      ip_address: data.ip_address,
      metadata: data.metadata,
      fees_breakdown: null,
      log: null,
      fees: data.fees,
      fees_split: null,
      authorization: data.authorization,
      customer: data.customer,
      plan: {},
      subaccount: {},
      split: {},
      order_id: null,
      paidAt: data.paid_at,
      requested_amount: data.requested_amount,
      pos_transaction_data: null,
      source: {
        type: "api",
        source: "merchant_api",
        entry_point: "transaction_initialize",
        identifier: null,
      },
    })
  }

  const refundProcessedEvent = (refundId: number): SignedPaystackEvent => {
    const refund = refunds.find((r) => r.id === refundId)
    if (!refund) {
      throw new Error(`Fake Paystack: unknown refund id ${refundId}`)
    }
    refund.status = "processed"
    const transaction = transactions.get(refund.transaction.reference)
    return signedEvent("refund.processed", {
      status: "processed",
      transaction_reference: refund.transaction.reference,
      refund_reference: String(100000000000 + refund.id),
      amount: refund.amount,
      currency: refund.currency,
      processor: "visa",
      customer: {
        first_name: null,
        last_name: null,
        email: transaction?.email ?? null,
      },
      integration: 412829,
      domain: "test",
    })
  }

  return Object.assign(base, {
    secretKey,
    transactions,
    refunds,
    markPaid,
    markFailed,
    signedEvent,
    chargeSuccessEvent,
    refundProcessedEvent,
  })
}
