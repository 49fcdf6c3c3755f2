import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STORE_CURRENCIES } from "../../../lib/catalog/prices"
import { aggregateStoreDays } from "../utils/store-day-figures"
import { SnapshotDays } from "./resolve-snapshot-days"

export const aggregateStoreDaysStepId = "aggregate-store-days"

/**
 * Each day's figures per currency, computed by PostgreSQL over Medusa's
 * tables in one statement (see utils/store-day-figures.ts): nothing is
 * loaded into JavaScript but the result rows. The store's currencies get a
 * row every day, with zeros when nothing happened.
 */
export const aggregateStoreDaysStep = createStep(
  aggregateStoreDaysStepId,
  async (days: SnapshotDays, { container }) => {
    const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const figures = await aggregateStoreDays(knex, {
      from: days.from,
      to: days.to,
      time_zone: days.time_zone,
      currencies: [...STORE_CURRENCIES],
    })
    return new StepResponse(figures)
  }
)
