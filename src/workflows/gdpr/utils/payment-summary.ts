import { MathBN } from "@medusajs/framework/utils"

type Amount = number | string
type Movement = { amount: Amount; created_at: string | Date }

/** A payment as query.graph returns it when only safe fields are selected (never `data`). */
export type PaymentRow = {
  id: string
  provider_id: string
  amount: Amount
  currency_code: string
  captured_at?: string | Date | null
  canceled_at?: string | Date | null
  created_at: string | Date
  captures?: Movement[] | null
  refunds?: Movement[] | null
}

export const SAFE_PAYMENT_FIELDS = [
  "id",
  "provider_id",
  "amount",
  "currency_code",
  "captured_at",
  "canceled_at",
  "created_at",
  "captures.amount",
  "captures.created_at",
  "refunds.amount",
  "refunds.created_at",
]

const total = (movements: Movement[] | null | undefined) =>
  MathBN.sum(0, ...(movements ?? []).map((m) => m.amount)).toNumber()

/**
 * What the export shows of a payment: provider, money and dates. The provider's
 * `data` blob (card details, provider references, the session's customer copy)
 * is never selected, so it cannot leak.
 */
export function paymentSummary(payment: PaymentRow) {
  const captured = total(payment.captures)
  const status = payment.canceled_at ? "canceled" : captured > 0 ? "captured" : "authorized"
  return {
    id: payment.id,
    provider_id: payment.provider_id,
    amount: MathBN.convert(payment.amount).toNumber(),
    currency_code: payment.currency_code,
    status,
    captured_amount: captured,
    refunded_amount: total(payment.refunds),
    created_at: payment.created_at,
    captured_at: payment.captured_at ?? null,
    canceled_at: payment.canceled_at ?? null,
  }
}
