import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { paymentSummary, PaymentRow, SAFE_PAYMENT_FIELDS } from "../utils/payment-summary"

export type CollectOrdersStepInput = { customer_id: string }

type OrderRow = Record<string, unknown> & {
  payment_collections?: (Record<string, unknown> & { payments?: PaymentRow[] | null })[] | null
}

const ORDER_FIELDS = [
  "id",
  "display_id",
  "status",
  "email",
  "currency_code",
  "region_id",
  "sales_channel_id",
  "total",
  "subtotal",
  "item_total",
  "shipping_total",
  "tax_total",
  "discount_total",
  "created_at",
  "updated_at",
  "canceled_at",
  "items.id",
  "items.title",
  "items.subtitle",
  "items.product_title",
  "items.variant_title",
  "items.variant_sku",
  "items.quantity",
  "items.unit_price",
  "items.total",
  "shipping_methods.name",
  "shipping_methods.amount",
  "shipping_address.*",
  "billing_address.*",
  "fulfillments.id",
  "fulfillments.created_at",
  "fulfillments.shipped_at",
  "fulfillments.delivered_at",
  "fulfillments.canceled_at",
  "fulfillments.labels.tracking_number",
  "fulfillments.delivery_address.*",
  "payment_collections.id",
  "payment_collections.status",
  "payment_collections.amount",
  "payment_collections.currency_code",
  ...SAFE_PAYMENT_FIELDS.map((field) => `payment_collections.payments.${field}`),
]

export const collectOrdersStepId = "collect-orders"

/** Orders with items, addresses, fulfillments and payments (money and dates only, no provider data). */
export const collectOrdersStep = createStep(
  collectOrdersStepId,
  async ({ customer_id }: CollectOrdersStepInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: ORDER_FIELDS,
      filters: { customer_id },
      pagination: { order: { created_at: "ASC" } },
    })
    const orders = (data as unknown as OrderRow[]).map(({ payment_collections, ...order }) => ({
      ...order,
      payment_collections: (payment_collections ?? []).map(({ payments, ...collection }) => ({
        ...collection,
        payments: (payments ?? []).map(paymentSummary),
      })),
    }))
    return new StepResponse(orders)
  }
)
