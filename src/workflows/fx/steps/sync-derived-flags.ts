import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { syncDerivedFlags } from "../../../lib/catalog/derived-flags"
import { PricePlan } from "../../../lib/catalog/prices"
import { FX_MODULE } from "../../../modules/fx"
import FxModuleService from "../../../modules/fx/service"

export type SyncDerivedFlagsStepInput = { variant_id: string; plan: PricePlan }[]

export const syncDerivedFlagsStepId = "sync-derived-flags"

type FlagRow = {
  variant_id: string
  currency_code: string
  source_currency: string
  source_amount: string
  rate: string
  amount: string
}

export const syncDerivedFlagsStep = createStep(
  syncDerivedFlagsStepId,
  async (input: SyncDerivedFlagsStepInput, { container }) => {
    const fx = container.resolve<FxModuleService>(FX_MODULE)
    const variantIds = input.map((entry) => entry.variant_id)
    const before = variantIds.length ? await fx.listDerivedPrices({ variant_id: variantIds }) : []
    await syncDerivedFlags(container, input)
    const previous: FlagRow[] = before.map(
      ({ variant_id, currency_code, source_currency, source_amount, rate, amount }) => ({
        variant_id, currency_code, source_currency, source_amount, rate, amount,
      })
    )
    return new StepResponse(void 0, { variantIds, previous })
  },
  async (saved, { container }) => {
    if (!saved?.variantIds.length) {
      return
    }
    const fx = container.resolve<FxModuleService>(FX_MODULE)
    const current = await fx.listDerivedPrices({ variant_id: saved.variantIds })
    await fx.deleteDerivedPrices(current.map((f) => f.id))
    if (saved.previous.length) {
      await fx.createDerivedPrices(saved.previous)
    }
  }
)
