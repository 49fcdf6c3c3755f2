import { createFindParams } from "@medusajs/medusa/api/utils/validators"
import { z } from "@medusajs/framework/zod"

const currency = z.enum(["ngn", "usd"])

export const GetAdminFxRatesParams = createFindParams({ limit: 50, offset: 0 }).extend({
  base_currency: currency.optional(),
  quote_currency: currency.optional(),
})
export type GetAdminFxRatesParamsType = z.infer<typeof GetAdminFxRatesParams>

export const PostAdminFxRate = z
  .object({
    base_currency: currency,
    quote_currency: currency,
    /** Units of quote currency per unit of base currency, as a decimal string or number. */
    rate: z
      .union([z.string(), z.number()])
      .transform((value) => String(value).trim())
      .refine((value) => /^\d+(\.\d{1,10})?$/.test(value) && Number(value) > 0, {
        message: "rate must be a positive decimal with at most 10 decimal places",
      }),
    effective_at: z.coerce.date().optional(),
  })
  .strict()
  .refine((body) => body.base_currency !== body.quote_currency, {
    message: "quote_currency must differ from base_currency",
    path: ["quote_currency"],
  })
export type PostAdminFxRateType = z.infer<typeof PostAdminFxRate>
