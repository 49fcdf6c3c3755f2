import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LowStockItem } from "../../../lib/inventory/low-stock"
import { DigestDay } from "./resolve-digest-day"
import { CurrencyRevenue } from "./summarize-orders"

/** The `admin-digest` template's data. */
export type AdminDigestData = {
  date: string
  revenue: CurrencyRevenue[]
  low_stock: { sku: string | null; title: string; available: number }[]
  open_conversations: number
}

export type BuildAdminDigestInput = {
  day: DigestDay
  revenue: CurrencyRevenue[]
  low_stock: LowStockItem[]
  open_conversations: number
}

export const buildAdminDigestStepId = "build-admin-digest"

/**
 * Puts the digest's parts together as the template's data. A step rather than
 * a transform, so the workflow's result never reads parts of a failed run.
 */
export const buildAdminDigestStep = createStep(
  buildAdminDigestStepId,
  async ({ day, revenue, low_stock, open_conversations }: BuildAdminDigestInput) => {
    return new StepResponse<AdminDigestData>({
      date: day.date,
      revenue,
      low_stock: low_stock.map(({ sku, title, available }) => ({ sku, title, available })),
      open_conversations,
    })
  }
)
