import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { performance } from "node:perf_hooks"
import { env } from "../config"
import { addDays, isCalendarDate, localDate } from "../lib/store-day"
import { computeAnalyticsSnapshotsWorkflow } from "../workflows/analytics/compute-analytics-snapshots"
import { daysInRange, MAX_RANGE_DAYS } from "../workflows/analytics/utils/periods"

const USAGE =
  "usage: medusa exec ./src/scripts/analytics-backfill.ts [from YYYY-MM-DD] [to YYYY-MM-DD] [--chunk-days N]"

/** Days computed per workflow run: one SQL statement each, small enough to report progress often. */
const DEFAULT_CHUNK_DAYS = 31

export type BackfillOptions = { from?: string; to?: string; chunkDays: number }

export function parseBackfillArgs(args: string[]): BackfillOptions {
  const rest = [...args]
  let chunkDays = DEFAULT_CHUNK_DAYS
  const flag = rest.indexOf("--chunk-days")
  if (flag !== -1) {
    chunkDays = Number(rest[flag + 1])
    rest.splice(flag, 2)
    if (!Number.isInteger(chunkDays) || chunkDays < 1 || chunkDays > MAX_RANGE_DAYS) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `--chunk-days must be 1..${MAX_RANGE_DAYS}. ${USAGE}`)
    }
  }
  const [from, to, extra] = rest
  for (const date of [from, to]) {
    if (date !== undefined && !isCalendarDate(date)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `"${date}" is not a date. ${USAGE}`)
    }
  }
  if (extra !== undefined) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Unexpected argument "${extra}". ${USAGE}`)
  }
  return { from, to, chunkDays }
}

/**
 * Computes the analytics snapshots of every store day from `from` to `to`
 * (default: the day of the first order, and yesterday), `--chunk-days` days
 * per workflow run, printing progress after each run. Safe to run again or
 * to stop half-way: each day is an upsert.
 *
 *   npx medusa exec ./src/scripts/analytics-backfill.ts 2025-01-01 2025-12-31
 */
export default async function analyticsBackfill({ container, args }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const options = parseBackfillArgs(args ?? [])
  const timeZone = env.STORE_TIMEZONE
  const yesterday = addDays(localDate(new Date(), timeZone), -1)
  const to = options.to ?? yesterday
  let from = options.from
  if (!from) {
    const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const { rows } = await knex.raw(
      `select to_char(min(created_at) at time zone ?, 'YYYY-MM-DD') as first_day
       from "order" where deleted_at is null and is_draft_order = false`,
      [timeZone]
    )
    from = (rows[0]?.first_day as string | null) ?? to
  }
  if (to < from) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `to (${to}) is before from (${from}). ${USAGE}`)
  }
  const total = daysInRange(from, to)
  logger.info(`analytics-backfill: ${from}..${to} (${total} days, ${timeZone}), ${options.chunkDays} days per run`)
  const started = performance.now()
  let done = 0
  let snapshots = 0
  for (let start = from; start <= to; start = addDays(start, options.chunkDays)) {
    const end = [addDays(start, options.chunkDays - 1), to].sort()[0]
    const chunkStarted = performance.now()
    const { result } = await computeAnalyticsSnapshotsWorkflow(container).run({ input: { from: start, to: end } })
    done += result.days
    snapshots += result.snapshots
    logger.info(
      `analytics-backfill: ${start}..${end} ${result.snapshots} snapshots in ${Math.round(performance.now() - chunkStarted)} ms ` +
        `(${done}/${total} days, ${Math.floor((done / total) * 100)}%)`
    )
  }
  logger.info(
    `analytics-backfill: done: ${done} days, ${snapshots} snapshots in ${Math.round(performance.now() - started)} ms`
  )
}
