export type PaystackOptions = {
  secretKey: string
  /** Paystack's API by default; a loopback fake in tests. */
  apiBase?: string
  /** Attempts for a request that fails with a 5xx or a network error. */
  maxAttempts?: number
  /** First backoff delay in ms; doubles on each retry. */
  retryBaseDelayMs?: number
}

export type PaystackEnvelope<T> = {
  status: boolean
  message: string
  data: T
}

export type PaystackInitializedTransaction = {
  authorization_url: string
  access_code: string
  reference: string
}

export type PaystackTransaction = {
  id: number
  status: "success" | "failed" | "abandoned" | "ongoing" | "pending" | "reversed" | string
  reference: string
  amount: number
  currency: string
  paid_at?: string | null
  metadata?: Record<string, unknown> | string | null
}

export type PaystackRefund = {
  id: number
  amount: number
  currency: string
  status: string
  transaction: { id: number; reference: string } | number
}

/** What the provider keeps on the payment session / payment. */
export type PaystackSessionData = {
  reference: string
  access_code?: string
  authorization_url?: string
  /** Integer kobo that Paystack was asked to charge. */
  amount: number
  currency: string
  /** Kept so a new transaction (amount change) can be initialized for the same customer. */
  email?: string
  session_id?: string
  transaction_id?: number
  paid_at?: string | null
  refunds?: { id: number; amount: number; status: string }[]
}
