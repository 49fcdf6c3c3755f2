import { MathBN, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { INVENTORY_LEDGER_MODULE } from "../../../modules/inventory-ledger"
import InventoryLedgerModuleService, { LevelRef, levelKey } from "../../../modules/inventory-ledger/service"

const PAGE_SIZE = 500

/** A level whose quantities differ from what its ledger entries sum to. */
export type LedgerDrift = LevelRef & {
  level_id: string
  sku: string | null
  title: string
  /** The level's quantity, and the sum of its ledger entries. */
  stocked: number
  ledger_stocked: number
  reserved: number
  ledger_reserved: number
}

export type LedgerDriftReport = {
  checked: number
  drifted: LedgerDrift[]
  /** Levels with no ledger entry at all (created before the ledger, or never changed through an event). */
  untracked: LevelRef[]
}

export const findLedgerDriftStepId = "find-ledger-drift"

/** Compares every inventory level's stocked and reserved quantities with the sums of its ledger entries. */
export const findLedgerDriftStep = createStep(findLedgerDriftStepId, async (_: void, { container }) => {
  const inventory = container.resolve(Modules.INVENTORY)
  const ledger = container.resolve<InventoryLedgerModuleService>(INVENTORY_LEDGER_MODULE)
  const report: LedgerDriftReport = { checked: 0, drifted: [], untracked: [] }
  for (let skip = 0; ; skip += PAGE_SIZE) {
    const levels = await inventory.listInventoryLevels({}, { skip, take: PAGE_SIZE, order: { id: "ASC" } })
    const balances = await ledger.balancesOf(levels)
    for (const level of levels) {
      const balance = balances.get(levelKey(level))!
      const stocked = MathBN.convert(level.stocked_quantity ?? 0).toNumber()
      const reserved = MathBN.convert(level.reserved_quantity ?? 0).toNumber()
      report.checked += 1
      if (!balance.entries) {
        if (stocked !== 0 || reserved !== 0) {
          report.untracked.push({ inventory_item_id: level.inventory_item_id, location_id: level.location_id })
        }
      } else if (stocked !== balance.stocked || reserved !== balance.reserved) {
        report.drifted.push({
          inventory_item_id: level.inventory_item_id,
          location_id: level.location_id,
          level_id: level.id,
          sku: null,
          title: level.inventory_item_id,
          stocked,
          ledger_stocked: balance.stocked,
          reserved,
          ledger_reserved: balance.reserved,
        })
      }
    }
    if (levels.length < PAGE_SIZE) {
      break
    }
  }
  if (report.drifted.length) {
    const items = await inventory.listInventoryItems(
      { id: [...new Set(report.drifted.map((drift) => drift.inventory_item_id))] },
      { select: ["id", "sku", "title"] }
    )
    const byId = new Map(items.map((item) => [item.id, item]))
    for (const drift of report.drifted) {
      const item = byId.get(drift.inventory_item_id)
      drift.sku = item?.sku ?? null
      drift.title = item?.title || item?.sku || drift.inventory_item_id
    }
  }
  return new StepResponse(report)
})
