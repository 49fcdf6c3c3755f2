import { MedusaContainer } from "@medusajs/framework/types"
import { FX_MODULE } from "../../modules/fx"
import FxModuleService from "../../modules/fx/service"
import { PricePlan } from "./prices"

/** Records which variant prices are derived, and drops flags that no longer apply. */
export async function syncDerivedFlags(
  container: MedusaContainer,
  entries: { variant_id: string; plan: PricePlan }[]
): Promise<void> {
  if (!entries.length) {
    return
  }
  const fx = container.resolve<FxModuleService>(FX_MODULE)
  const existing = await fx.listDerivedPrices({ variant_id: entries.map((e) => e.variant_id) })
  const find = (variantId: string, currency: string) =>
    existing.find((f) => f.variant_id === variantId && f.currency_code === currency)

  const toDelete = entries.flatMap(({ variant_id, plan }) =>
    plan.unflag.map((currency) => find(variant_id, currency)?.id).filter((id): id is string => !!id)
  )
  const rows = entries.flatMap(({ variant_id, plan }) =>
    plan.derived.map((d) => ({ ...d, variant_id, id: find(variant_id, d.currency_code)?.id }))
  )
  const toCreate = rows.filter((r) => !r.id).map(({ id: _id, ...row }) => row)
  const toUpdate = rows.filter((r): r is typeof r & { id: string } => !!r.id)
  if (toDelete.length) {
    await fx.deleteDerivedPrices(toDelete)
  }
  if (toCreate.length) {
    await fx.createDerivedPrices(toCreate)
  }
  if (toUpdate.length) {
    await fx.updateDerivedPrices(toUpdate)
  }
}
