import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type CollectCartsStepInput = { customer_id: string }

const CART_FIELDS = [
  "id",
  "email",
  "currency_code",
  "region_id",
  "created_at",
  "updated_at",
  "completed_at",
  "items.id",
  "items.title",
  "items.product_title",
  "items.variant_sku",
  "items.quantity",
  "items.unit_price",
  "shipping_address.*",
  "billing_address.*",
  "payment_collection.id",
  "payment_collection.status",
  "payment_collection.amount",
  "payment_collection.currency_code",
  // References only: a session's `data` and `context` hold provider secrets and a customer copy.
  "payment_collection.payment_sessions.id",
  "payment_collection.payment_sessions.provider_id",
  "payment_collection.payment_sessions.status",
  "payment_collection.payment_sessions.amount",
  "payment_collection.payment_sessions.currency_code",
  "payment_collection.payment_sessions.created_at",
]

export const collectCartsStepId = "collect-carts"

/** Carts (open and completed) with items, addresses and payment session references. */
export const collectCartsStep = createStep(
  collectCartsStepId,
  async ({ customer_id }: CollectCartsStepInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "cart",
      fields: CART_FIELDS,
      filters: { customer_id },
      pagination: { order: { created_at: "ASC" } },
    })
    return new StepResponse(data as unknown as Record<string, unknown>[])
  }
)
