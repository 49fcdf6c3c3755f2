import { BigNumberInput, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { env } from "../../config"

/** An item is low on stock when its available quantity is at or below this (LOW_STOCK_THRESHOLD, default 5), unless its metadata sets its own. */
export const DEFAULT_LOW_STOCK_THRESHOLD = env.LOW_STOCK_THRESHOLD

/** Inventory item `metadata` key holding a per-item threshold (a whole number, 0 or more). */
export const LOW_STOCK_THRESHOLD_KEY = "low_stock_threshold"

const PAGE_SIZE = 500

export type StockLevel = { stocked_quantity?: BigNumberInput | null; reserved_quantity?: BigNumberInput | null }

export type LowStockItem = {
  inventory_item_id: string
  sku: string | null
  title: string
  /** The product the item's variant belongs to (an item's own title is often just "M" or "200ml"). */
  product_title: string | null
  /** Stocked minus reserved, summed over every stock location. */
  available: number
  threshold: number
}

type InventoryItemRow = {
  id: string
  sku?: string | null
  title?: string | null
  metadata?: Record<string, unknown> | null
  location_levels?: (StockLevel | null)[] | null
  variants?: ({ product?: { title?: string | null } | null } | null)[] | null
}

/** The item's own threshold from its metadata when it is a whole number >= 0, else the default. */
export function lowStockThreshold(metadata?: Record<string, unknown> | null): number {
  const raw = metadata?.[LOW_STOCK_THRESHOLD_KEY]
  const value = typeof raw === "string" && raw.trim() !== "" ? Number(raw) : raw
  return typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : DEFAULT_LOW_STOCK_THRESHOLD
}

/** Stocked minus reserved, summed over the given location levels. */
export function availableQuantity(levels: (StockLevel | null)[]): number {
  const available = levels.reduce<ReturnType<typeof MathBN.convert>>(
    (sum, level) => MathBN.add(sum, MathBN.sub(level?.stocked_quantity ?? 0, level?.reserved_quantity ?? 0)),
    MathBN.convert(0)
  )
  return available.toNumber()
}

/**
 * Inventory items whose available quantity is at or below their threshold,
 * fewest available first. Items not stocked at any location are left out:
 * nobody keeps stock of them here, so "low" says nothing.
 */
export async function listLowStockItems(container: MedusaContainer): Promise<LowStockItem[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const low: LowStockItem[] = []
  for (let skip = 0; ; skip += PAGE_SIZE) {
    const { data, metadata } = await query.graph({
      entity: "inventory_item",
      fields: [
        "id",
        "sku",
        "title",
        "metadata",
        "location_levels.stocked_quantity",
        "location_levels.reserved_quantity",
        "variants.product.title",
      ],
      pagination: { skip, take: PAGE_SIZE, order: { id: "ASC" } },
    })
    for (const item of data as InventoryItemRow[]) {
      const levels = item.location_levels ?? []
      if (!levels.length) {
        continue
      }
      const available = availableQuantity(levels)
      const threshold = lowStockThreshold(item.metadata)
      if (available <= threshold) {
        low.push({
          inventory_item_id: item.id,
          sku: item.sku ?? null,
          title: item.title || item.sku || item.id,
          product_title: item.variants?.find((variant) => variant?.product?.title)?.product?.title ?? null,
          available,
          threshold,
        })
      }
    }
    if (!data.length || skip + data.length >= (metadata?.count ?? 0)) {
      break
    }
  }
  return low.sort((a, b) => a.available - b.available || (a.sku ?? "").localeCompare(b.sku ?? ""))
}
