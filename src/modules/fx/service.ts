import { MathBN, MedusaError, MedusaService } from "@medusajs/framework/utils"
import { DerivedPrice } from "./models/derived-price"
import { FxRate } from "./models/fx-rate"
import { DEFAULT_ROUNDING, RoundingRule } from "./rounding"

type FxModuleOptions = { rounding?: Record<string, RoundingRule> }

export type EffectiveRate = { rate: string; rate_id: string; effective_at: Date }

class FxModuleService extends MedusaService({ FxRate, DerivedPrice }) {
  protected readonly rounding_: Record<string, RoundingRule>

  constructor(container: Record<string, unknown>, options: FxModuleOptions = {}) {
    super(container, options)
    this.rounding_ = { ...DEFAULT_ROUNDING, ...options.rounding }
  }

  /** The rate in force at `at` for base -> quote, from a stored pair or its inverse. */
  async getEffectiveRate(
    base: string,
    quote: string,
    at: Date = new Date()
  ): Promise<EffectiveRate> {
    const [direct] = await this.listFxRates(
      { base_currency: base, quote_currency: quote, effective_at: { $lte: at } },
      { order: { effective_at: "DESC", created_at: "DESC" }, take: 1 }
    )
    const [inverse] = await this.listFxRates(
      { base_currency: quote, quote_currency: base, effective_at: { $lte: at } },
      { order: { effective_at: "DESC", created_at: "DESC" }, take: 1 }
    )
    const latest = [direct, inverse]
      .filter(Boolean)
      .sort((a, b) => new Date(b.effective_at).getTime() - new Date(a.effective_at).getTime())[0]
    if (!latest) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `No FX rate from ${base.toUpperCase()} to ${quote.toUpperCase()} is in effect`
      )
    }
    const rate =
      latest === direct
        ? MathBN.convert(latest.rate).toString()
        : MathBN.div(1, latest.rate).toString()
    return { rate, rate_id: latest.id, effective_at: new Date(latest.effective_at) }
  }

  /**
   * What one USD costs in NGN (`ngn`) and one NGN in USD (`usd`) now, from the
   * same stored rate; a currency is absent when no rate is in effect.
   */
  async getStoreRates(at: Date = new Date()): Promise<{ ngn?: string; usd?: string }> {
    const found = await this.getEffectiveRate("usd", "ngn", at).catch(() => undefined)
    return found ? { ngn: found.rate, usd: MathBN.div(1, found.rate).toString() } : {}
  }

  /** The rounding rules per currency, for `convertAmount`. */
  async getRoundingRules(): Promise<Record<string, RoundingRule>> {
    return this.rounding_
  }
}

export default FxModuleService
