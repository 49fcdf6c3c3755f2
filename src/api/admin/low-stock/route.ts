import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listLowStockItems } from "../../../lib/inventory/low-stock"
import { INVENTORY_LEDGER_MODULE } from "../../../modules/inventory-ledger"
import InventoryLedgerModuleService from "../../../modules/inventory-ledger/service"
import { GetAdminLowStockParamsType } from "./validators"

/** Items at or below their threshold, fewest available first, with when the admins were alerted. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, GetAdminLowStockParamsType>,
  res: MedusaResponse
) => {
  const { skip = 0, take = 50 } = req.queryConfig.pagination
  const all = await listLowStockItems(req.scope)
  const page = all.slice(skip, skip + take)
  const states = page.length
    ? await req.scope
        .resolve<InventoryLedgerModuleService>(INVENTORY_LEDGER_MODULE)
        .listLowStockStates({ inventory_item_id: page.map((item) => item.inventory_item_id) })
    : []
  const alertedAt = new Map(states.map((state) => [state.inventory_item_id, state.alerted_at]))
  res.json({
    low_stock: page.map((item) => ({ ...item, alerted_at: alertedAt.get(item.inventory_item_id) ?? null })),
    count: all.length,
    offset: skip,
    limit: take,
  })
}
