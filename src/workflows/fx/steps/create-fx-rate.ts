import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { FX_MODULE } from "../../../modules/fx"
import FxModuleService from "../../../modules/fx/service"

export type CreateFxRateStepInput = {
  base_currency: string
  quote_currency: string
  rate: number
  effective_at: Date
  created_by?: string | null
}

export const createFxRateStepId = "create-fx-rate"

export const createFxRateStep = createStep(
  createFxRateStepId,
  async (input: CreateFxRateStepInput, { container }) => {
    const fx = container.resolve<FxModuleService>(FX_MODULE)
    const rate = await fx.createFxRates(input)
    return new StepResponse(rate, rate.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    await container.resolve<FxModuleService>(FX_MODULE).deleteFxRates(id)
  }
)
