import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type { AdjustmentReason, InventoryAdjustmentInput } from "../lib/inventory-adjustment"
import type { PageInfo, PageQuery } from "../lib/pagination"
import { sdk } from "../lib/sdk"
import { activityQueryKeys } from "./activity"

/** One ledger entry: a change to a stock level, as it happened (staff adjustments and order-driven movements). */
export type InventoryAdjustment = {
  id: string
  inventory_item_id: string
  location_id: string
  /** What moved the level: `adjustment` (staff, with a reason), `reservation`, `fulfillment`, `return`… */
  source?: string
  /** Units added (positive) or removed (negative) from the stocked quantity. */
  delta: number
  /** Set on staff adjustments only. */
  reason: AdjustmentReason | null
  note: string | null
  /** Stocked quantity at the location just before and just after. */
  before: number
  after: number
  /** Reserved quantity before and after, and its change (reservations move only these). */
  reserved_before?: number
  reserved_after?: number
  reserved_delta?: number
  reference_type?: string | null
  reference_id?: string | null
  /** The order behind an order-driven movement. */
  order_id?: string | null
  actor_type: string
  actor_id: string | null
  created_at: string
}

/** An inventory item at or below its low-stock threshold. */
export type LowStockItem = {
  inventory_item_id: string
  sku: string | null
  title: string
  product_title: string | null
  /** Stocked minus reserved over every location. */
  available: number
  threshold: number
  /** When the admins were told; null while the alert is pending. */
  alerted_at: string | null
}

export type LowStockCheck = {
  inventory_item_id: string
  available: number
  threshold: number
  outcome: "alerted" | "low" | "rearmed" | "ok" | "alert_failed"
}

export type InventoryLevel = {
  id: string
  location_id: string
  stocked_quantity: number
  reserved_quantity: number
  available_quantity: number
  stock_locations?: { id: string; name: string }[]
}

export const inventoryLedgerQueryKeys = {
  all: ["inventory-ledger"] as const,
  adjustments: (inventoryItemId: string) => [...inventoryLedgerQueryKeys.all, "adjustments", inventoryItemId] as const,
  adjustmentPage: (inventoryItemId: string, query: PageQuery) =>
    [...inventoryLedgerQueryKeys.adjustments(inventoryItemId), query] as const,
  levels: (inventoryItemId: string) => [...inventoryLedgerQueryKeys.all, "levels", inventoryItemId] as const,
  lowStock: () => [...inventoryLedgerQueryKeys.all, "low-stock"] as const,
  lowStockPage: (query: PageQuery) => [...inventoryLedgerQueryKeys.lowStock(), query] as const,
}

// The dashboard's own query keys for inventory items and their levels, refreshed after an adjustment.
const DASHBOARD_INVENTORY_KEYS = [["inventory_items"], ["inventory_item_levels"], ["products"], ["variants"]]

/** The item's ledger, newest first. */
export function useInventoryAdjustments(inventoryItemId: string, query: PageQuery) {
  return useQuery({
    queryKey: inventoryLedgerQueryKeys.adjustmentPage(inventoryItemId, query),
    queryFn: () =>
      sdk.client.fetch<PageInfo & { inventory_adjustments: InventoryAdjustment[] }>("/admin/inventory-adjustments", {
        query: { ...query, inventory_item_id: inventoryItemId },
      }),
    placeholderData: keepPreviousData,
  })
}

/** The item's stock levels with their location names. */
export function useInventoryLevels(inventoryItemId: string) {
  return useQuery({
    queryKey: inventoryLedgerQueryKeys.levels(inventoryItemId),
    queryFn: () =>
      sdk.client.fetch<PageInfo & { inventory_levels: InventoryLevel[] }>(
        `/admin/inventory-items/${inventoryItemId}/location-levels`,
        { query: { limit: 100, fields: "+stock_locations.id,+stock_locations.name" } }
      ),
    select: (data) => data.inventory_levels,
  })
}

/** Items at or below their threshold, fewest available first. */
export function useLowStock(query: PageQuery) {
  return useQuery({
    queryKey: inventoryLedgerQueryKeys.lowStockPage(query),
    queryFn: () => sdk.client.fetch<PageInfo & { low_stock: LowStockItem[] }>("/admin/low-stock", { query }),
    placeholderData: keepPreviousData,
  })
}

/** Changes a stock level and records it in the ledger; refreshes every view of that stock. */
export function useCreateInventoryAdjustment() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: InventoryAdjustmentInput) =>
      sdk.client.fetch<{ inventory_adjustment: InventoryAdjustment; low_stock: LowStockCheck }>(
        "/admin/inventory-adjustments",
        { method: "POST", body: input }
      ),
    onSuccess: (_data, input) =>
      Promise.all(
        [
          inventoryLedgerQueryKeys.adjustments(input.inventory_item_id),
          inventoryLedgerQueryKeys.levels(input.inventory_item_id),
          inventoryLedgerQueryKeys.lowStock(),
          activityQueryKeys.all,
          ...DASHBOARD_INVENTORY_KEYS,
        ].map((queryKey) => queryClient.invalidateQueries({ queryKey }))
      ),
  })
}
