import { BigNumberInput } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STORE_CURRENCIES } from "../../../lib/catalog/prices"
import { minorUnitDigits } from "../../../lib/money"
import { DigestDay } from "./resolve-digest-day"

/** One currency's orders: `total` is a decimal string in the major unit ("12500.00"), never a float. */
export type CurrencyRevenue = { currency_code: string; orders: number; total: string }

type OrderRow = { id: string; currency_code: string; status: string; is_draft_order?: boolean; total: BigNumberInput }

const PAGE_SIZE = 200

const decimals = (currencyCode: string) =>
  (STORE_CURRENCIES as readonly string[]).includes(currencyCode) ? minorUnitDigits(currencyCode) : 2

export const summarizeOrdersStepId = "summarize-orders"

/**
 * Orders placed during the day, per currency: how many and their order totals
 * (tax and shipping included, before any later refund). Canceled orders and
 * draft orders are left out of both the count and the total: they brought in
 * nothing. The store's currencies are always listed, with 0 when quiet.
 */
export const summarizeOrdersStep = createStep(summarizeOrdersStepId, async (day: DigestDay, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const sums = new Map<string, { orders: number; total: ReturnType<typeof MathBN.convert> }>(
    STORE_CURRENCIES.map((currency) => [currency, { orders: 0, total: MathBN.convert(0) }])
  )
  for (let skip = 0; ; skip += PAGE_SIZE) {
    const { data, metadata } = await query.graph({
      entity: "order",
      fields: ["id", "currency_code", "status", "is_draft_order", "total"],
      filters: { created_at: { $gte: day.from, $lt: day.to } },
      pagination: { skip, take: PAGE_SIZE, order: { id: "ASC" } },
    })
    for (const order of data as OrderRow[]) {
      if (order.status === "canceled" || order.is_draft_order) {
        continue
      }
      const currency = order.currency_code.toLowerCase()
      const sum = sums.get(currency) ?? { orders: 0, total: MathBN.convert(0) }
      sums.set(currency, { orders: sum.orders + 1, total: MathBN.add(sum.total, order.total) })
    }
    if (!data.length || skip + data.length >= (metadata?.count ?? 0)) {
      break
    }
  }
  const revenue: CurrencyRevenue[] = [...sums].map(([currency_code, { orders, total }]) => ({
    currency_code,
    orders,
    total: total.toFixed(decimals(currency_code)),
  }))
  return new StepResponse(revenue)
})
