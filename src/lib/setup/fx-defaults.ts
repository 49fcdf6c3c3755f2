import { MedusaContainer } from "@medusajs/framework/types"
import { z } from "@medusajs/framework/zod"
import { FX_MODULE } from "../../modules/fx"
import FxModuleService from "../../modules/fx/service"

export const FxDefaultsFile = z
  .object({
    rates: z.array(
      z
        .object({
          base_currency: z.enum(["ngn", "usd"]),
          quote_currency: z.enum(["ngn", "usd"]),
          rate: z.string().regex(/^\d+(\.\d+)?$/),
          effective_at: z.string().datetime(),
        })
        .strict()
    ),
  })
  .strict()

/** Seeds the default FX rates while the store has none; staff manage them after that. */
export async function ensureFxDefaults(container: MedusaContainer, input: unknown): Promise<number> {
  const { rates } = FxDefaultsFile.parse(input)
  const fx = container.resolve<FxModuleService>(FX_MODULE)
  const [, count] = await fx.listAndCountFxRates({}, { take: 1 })
  if (count) {
    return 0
  }
  await fx.createFxRates(
    rates.map((r) => ({ ...r, rate: Number(r.rate), effective_at: new Date(r.effective_at) }))
  )
  return rates.length
}
