import { MedusaError } from "@medusajs/framework/utils"
import { setTimeout as sleep } from "node:timers/promises"
import {
  PaystackEnvelope,
  PaystackInitializedTransaction,
  PaystackOptions,
  PaystackRefund,
  PaystackTransaction,
} from "./types"

const REQUEST_TIMEOUT_MS = 15_000

class RetryableError extends Error {}

/** A small typed client for the Paystack endpoints the provider uses. */
export class PaystackClient {
  private readonly base: string
  private readonly maxAttempts: number
  private readonly retryBaseDelayMs: number

  constructor(private readonly options: PaystackOptions) {
    this.base = (options.apiBase ?? "https://api.paystack.co").replace(/\/+$/, "")
    this.maxAttempts = options.maxAttempts ?? 3
    this.retryBaseDelayMs = options.retryBaseDelayMs ?? 250
  }

  initializeTransaction(body: {
    email: string
    amount: number
    currency: string
    reference: string
    callback_url?: string
    metadata?: Record<string, unknown>
  }) {
    return this.request<PaystackInitializedTransaction>(
      "POST",
      "/transaction/initialize",
      body
    )
  }

  verifyTransaction(reference: string) {
    return this.request<PaystackTransaction>(
      "GET",
      `/transaction/verify/${encodeURIComponent(reference)}`
    )
  }

  createRefund(body: { transaction: string; amount: number }) {
    return this.request<PaystackRefund>("POST", "/refund", body)
  }

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.send<T>(method, path, body)
      } catch (error) {
        if (!(error instanceof RetryableError) || attempt >= this.maxAttempts) {
          throw error instanceof RetryableError
            ? new MedusaError(MedusaError.Types.UNEXPECTED_STATE, error.message)
            : error
        }
        await sleep(this.retryBaseDelayMs * 2 ** (attempt - 1))
      }
    }
  }

  private async send<T>(method: string, path: string, body?: unknown): Promise<T> {
    let response: Response
    try {
      response = await fetch(`${this.base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.options.secretKey}`,
          "content-type": "application/json",
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      })
    } catch (error) {
      throw new RetryableError(`Paystack ${method} ${path} failed: ${(error as Error).message}`)
    }
    const payload = (await response.json().catch(() => null)) as PaystackEnvelope<T> | null
    if (response.status >= 500) {
      throw new RetryableError(`Paystack ${method} ${path} answered ${response.status}`)
    }
    if (!response.ok || !payload?.status) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Paystack ${method} ${path} refused (${response.status}): ${payload?.message ?? "no message"}`
      )
    }
    return payload.data
  }
}
