import {
  AuthorizePaymentInput,
  AuthorizePaymentOutput,
  CancelPaymentInput,
  CancelPaymentOutput,
  CapturePaymentInput,
  CapturePaymentOutput,
  DeletePaymentInput,
  DeletePaymentOutput,
  GetPaymentStatusInput,
  GetPaymentStatusOutput,
  InitiatePaymentInput,
  InitiatePaymentOutput,
  Logger,
  ProviderWebhookPayload,
  RefundPaymentInput,
  RefundPaymentOutput,
  RetrievePaymentInput,
  RetrievePaymentOutput,
  UpdatePaymentInput,
  UpdatePaymentOutput,
  WebhookActionResult,
} from "@medusajs/framework/types"
import {
  AbstractPaymentProvider,
  MedusaError,
  PaymentActions,
  PaymentSessionStatus,
} from "@medusajs/framework/utils"
import { randomBytes } from "node:crypto"
import { fromMinorUnits, toMinorUnits } from "../../lib/money"
import { PaystackClient } from "./client"
import { isValidPaystackSignature } from "./signature"
import { PaystackOptions, PaystackSessionData, PaystackTransaction } from "./types"

type InjectedDependencies = { logger: Logger }

type PaystackEvent = {
  event: string
  data: {
    reference?: string
    amount?: number
    currency?: string
    metadata?: Record<string, unknown> | string | null
    transaction_reference?: string
  }
}

const SUPPORTED_CURRENCY = "ngn"

/**
 * Paystack for the Nigeria region. Paystack charges are captured when the
 * customer pays, so a verified successful transaction is reported as captured.
 */
class PaystackProviderService extends AbstractPaymentProvider<PaystackOptions> {
  static identifier = "paystack"

  protected readonly client_: PaystackClient
  protected readonly logger_: Logger

  static validateOptions(options: Record<string, unknown>) {
    if (typeof options.secretKey !== "string" || !options.secretKey) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "Paystack provider requires the `secretKey` option (PAYSTACK_SECRET_KEY)"
      )
    }
  }

  constructor(container: InjectedDependencies, options: PaystackOptions) {
    super(container, options)
    this.logger_ = container.logger
    this.client_ = new PaystackClient(options)
  }

  async initiatePayment({
    amount,
    currency_code,
    data,
    context,
  }: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    const session = await this.initializeTransaction(amount, currency_code, data, context?.customer?.email)
    return { id: session.reference, data: session, status: PaymentSessionStatus.PENDING }
  }

  async updatePayment({
    amount,
    currency_code,
    data,
    context,
  }: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    const current = data as PaystackSessionData | undefined
    if (currency_code.toLowerCase() !== SUPPORTED_CURRENCY) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Paystack is set up for NGN only; got ${currency_code.toUpperCase()}`
      )
    }
    if (current?.reference && current.amount === toMinorUnits(amount, currency_code)) {
      return { data: current, status: PaymentSessionStatus.PENDING }
    }
    // A Paystack transaction's amount is fixed: a new amount needs a new transaction.
    const session = await this.initializeTransaction(amount, currency_code, data, context?.customer?.email)
    return { data: session, status: PaymentSessionStatus.PENDING }
  }

  async authorizePayment({ data }: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    return this.getPaymentStatus({ data })
  }

  async getPaymentStatus({ data }: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    const session = this.sessionData(data)
    const transaction = await this.client_.verifyTransaction(session.reference)
    const updated: PaystackSessionData = {
      ...session,
      transaction_id: transaction.id,
      paid_at: transaction.paid_at ?? null,
    }
    return { status: this.statusOf(transaction, session), data: updated }
  }

  async capturePayment({ data }: CapturePaymentInput): Promise<CapturePaymentOutput> {
    return { data }
  }

  async cancelPayment({ data }: CancelPaymentInput): Promise<CancelPaymentOutput> {
    // Paystack has no call to void an unpaid transaction: it expires unpaid.
    return { data }
  }

  async deletePayment({ data }: DeletePaymentInput): Promise<DeletePaymentOutput> {
    return { data }
  }

  async retrievePayment({ data }: RetrievePaymentInput): Promise<RetrievePaymentOutput> {
    const session = this.sessionData(data)
    const transaction = await this.client_.verifyTransaction(session.reference)
    return { data: { ...session, transaction } }
  }

  async refundPayment({ amount, data }: RefundPaymentInput): Promise<RefundPaymentOutput> {
    const session = this.sessionData(data)
    const kobo = toMinorUnits(amount, session.currency)
    const refund = await this.client_.createRefund({
      transaction: session.reference,
      amount: kobo,
    })
    const refunds = [
      ...(session.refunds ?? []),
      { id: refund.id, amount: refund.amount, status: refund.status },
    ]
    return { data: { ...session, refunds } }
  }

  async getWebhookActionAndData(
    payload: ProviderWebhookPayload["payload"]
  ): Promise<WebhookActionResult> {
    const signature = payload.headers["x-paystack-signature"] as string | undefined
    if (!isValidPaystackSignature(payload.rawData, signature, this.config.secretKey)) {
      throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Invalid Paystack webhook signature")
    }
    const event = payload.data as unknown as PaystackEvent
    const sessionId = this.metadataOf(event.data)?.session_id
    if (event.event === "charge.success" && typeof sessionId === "string") {
      const currency = (event.data.currency ?? "").toLowerCase()
      if (currency !== SUPPORTED_CURRENCY || typeof event.data.amount !== "number") {
        return { action: PaymentActions.NOT_SUPPORTED }
      }
      return {
        action: PaymentActions.SUCCESSFUL,
        data: { session_id: sessionId, amount: fromMinorUnits(event.data.amount, currency) },
      }
    }
    if (typeof event.event === "string" && event.event.startsWith("refund.")) {
      // Refunds start from Medusa (refundPayment); Paystack's outcome is logged for staff.
      const log = event.event === "refund.failed" ? "warn" : "info"
      this.logger_[log](
        `Paystack ${event.event} for transaction ${event.data.transaction_reference ?? "unknown"}`
      )
    }
    return { action: PaymentActions.NOT_SUPPORTED }
  }

  private async initializeTransaction(
    amount: InitiatePaymentInput["amount"],
    currencyCode: string,
    data: Record<string, unknown> | undefined,
    customerEmail: string | undefined
  ): Promise<PaystackSessionData> {
    const currency = currencyCode.toLowerCase()
    if (currency !== SUPPORTED_CURRENCY) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Paystack is set up for NGN only; got ${currencyCode.toUpperCase()}`
      )
    }
    const email = typeof data?.email === "string" && data.email ? data.email : customerEmail
    if (!email) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "Paystack needs the customer's email: pass data.email when creating the payment session"
      )
    }
    const sessionId = typeof data?.session_id === "string" ? data.session_id : undefined
    const kobo = toMinorUnits(amount, currency)
    // Paystack references allow only letters, digits, "-", "." and "=".
    const reference = `${(sessionId ?? "ps").replace(/[^A-Za-z0-9.=-]/g, "-")}-${randomBytes(4).toString("hex")}`
    const initialized = await this.client_.initializeTransaction({
      email,
      amount: kobo,
      currency: currency.toUpperCase(),
      reference,
      callback_url: typeof data?.callback_url === "string" ? data.callback_url : undefined,
      metadata: { session_id: sessionId },
    })
    return {
      reference: initialized.reference,
      access_code: initialized.access_code,
      authorization_url: initialized.authorization_url,
      amount: kobo,
      currency,
      email,
      session_id: sessionId,
    }
  }

  private statusOf(
    transaction: PaystackTransaction,
    session: PaystackSessionData
  ): PaymentSessionStatus {
    if (transaction.status === "success") {
      // Never accept a payment for less than the session asked for.
      return transaction.amount >= session.amount &&
        transaction.currency.toLowerCase() === session.currency
        ? PaymentSessionStatus.CAPTURED
        : PaymentSessionStatus.ERROR
    }
    if (transaction.status === "failed" || transaction.status === "reversed") {
      return PaymentSessionStatus.ERROR
    }
    return PaymentSessionStatus.PENDING
  }

  private sessionData(data: Record<string, unknown> | undefined): PaystackSessionData {
    const session = data as PaystackSessionData | undefined
    if (!session?.reference) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "Paystack payment data has no transaction reference"
      )
    }
    return session
  }

  private metadataOf(data: PaystackEvent["data"]): Record<string, unknown> | undefined {
    const { metadata } = data
    if (typeof metadata === "string") {
      try {
        return JSON.parse(metadata)
      } catch {
        return undefined
      }
    }
    return metadata ?? undefined
  }
}

export default PaystackProviderService
