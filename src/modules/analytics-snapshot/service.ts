import { Context } from "@medusajs/framework/types"
import {
  generateEntityId,
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"
import { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { AnalyticsSnapshot } from "./models/analytics-snapshot"

const TABLE = "analytics_snapshot"

/** Money columns: numeric in the major unit, with Medusa's `raw_*` twin. */
export const MONEY_FIELDS = [
  "gmv",
  "discounts",
  "shipping",
  "tax",
  "refunds",
  "net_revenue",
  "average_order_value",
] as const
export type MoneyField = (typeof MONEY_FIELDS)[number]

export const COUNT_FIELDS = [
  "orders",
  "items_sold",
  "new_customers",
  "returning_customers",
  "carts_created",
  "carts_completed",
  "canceled_orders",
  "open_conversations",
  "broadcast_messages_sent",
] as const
export type CountField = (typeof COUNT_FIELDS)[number]

export type TopProduct = { product_id: string; title: string | null; units: number; revenue: string }
export type TopVariant = TopProduct & { variant_id: string; variant_title: string | null; sku: string | null }
export type TopLists<T> = { by_revenue: T[]; by_units: T[] }

/** One snapshot row as the API returns it: amounts as decimal strings, never floats. */
export type SnapshotFigures = { date: string; currency_code: string; time_zone: string } & Record<MoneyField, string> &
  Record<CountField, number> & {
    /** Ratio with 4 decimals, e.g. "0.2500"; null without carts. */
    conversion_rate: string | null
    low_stock_items: number | null
    top_products: TopLists<TopProduct>
    top_variants: TopLists<TopVariant>
  }

export type AnalyticsSnapshotView = SnapshotFigures & { id: string; computed_at: Date }

export type ReplaceSnapshotsOptions = {
  /** Every day being replaced: rows of these days that `figures` does not name are removed. */
  dates: string[]
  /**
   * Keep a stored `low_stock_items` where the new figure is null: the count
   * can only be read right after the day, and a later recompute must not erase it.
   */
  keepCapturedLowStock?: boolean
  computed_at?: Date
}

export type SnapshotFilter = { from: string; to: string; currency_code?: string }

/** Totals of a run of days in one currency. */
export type PeriodTotals = Record<MoneyField, string> &
  Record<Exclude<CountField, "open_conversations">, number> & {
    conversion_rate: string | null
    /** Days in the period that have a snapshot. */
    days_with_snapshots: number
  }

const knexOf = (context: Context) => {
  const manager = (context.transactionManager ?? context.manager) as SqlEntityManager
  return manager.getTransactionContext() ?? manager.getKnex()
}

const raw = (value: string | null) => (value === null ? null : JSON.stringify({ value, precision: 20 }))

const emptyTop = () => ({ by_revenue: [], by_units: [] })

type Row = Record<string, unknown>

/** A stored row (numeric columns arrive from pg as strings) as the API shape. */
const toView = (row: Row): AnalyticsSnapshotView => ({
  id: row.id as string,
  date: row.date as string,
  currency_code: row.currency_code as string,
  time_zone: row.time_zone as string,
  ...(Object.fromEntries(MONEY_FIELDS.map((field) => [field, row[field] as string])) as Record<MoneyField, string>),
  ...(Object.fromEntries(COUNT_FIELDS.map((field) => [field, Number(row[field])])) as Record<CountField, number>),
  conversion_rate: (row.conversion_rate as string | null) ?? null,
  low_stock_items: row.low_stock_items === null ? null : Number(row.low_stock_items),
  top_products: (row.top_products as TopLists<TopProduct>) ?? emptyTop(),
  top_variants: (row.top_variants as TopLists<TopVariant>) ?? emptyTop(),
  computed_at: row.computed_at as Date,
})

/** Numeric columns are selected with a fixed scale so "12" always reads "12.00". */
const viewColumns = [
  "id",
  "date",
  "currency_code",
  "time_zone",
  ...MONEY_FIELDS.map((field) => `round("${field}", 2)::text as "${field}"`),
  ...COUNT_FIELDS,
  `round("conversion_rate", 4)::text as "conversion_rate"`,
  "low_stock_items",
  "top_products",
  "top_variants",
  "computed_at",
]

class AnalyticsSnapshotModuleService extends MedusaService({ AnalyticsSnapshot }) {
  /**
   * Replaces the snapshots of `options.dates` with `figures` in one
   * transaction: an upsert per day and currency (so recomputing a day is
   * idempotent), and rows of those days for a currency no longer present are
   * removed.
   */
  @InjectManager()
  async replaceSnapshots(
    figures: SnapshotFigures[],
    options: ReplaceSnapshotsOptions,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<number> {
    return this.replaceSnapshots_(figures, options, sharedContext)
  }

  @InjectTransactionManager()
  protected async replaceSnapshots_(
    figures: SnapshotFigures[],
    options: ReplaceSnapshotsOptions,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<number> {
    const knex = knexOf(sharedContext)
    const computedAt = options.computed_at ?? new Date()
    const keep = new Set(figures.map((row) => `${row.date}:${row.currency_code}`))
    if (options.dates.length) {
      const stored: { id: string; date: string; currency_code: string }[] = await knex(TABLE)
        .select("id", "date", "currency_code")
        .whereIn("date", options.dates)
        .whereNull("deleted_at")
      const stale = stored.filter((row) => !keep.has(`${row.date}:${row.currency_code}`)).map((row) => row.id)
      if (stale.length) {
        await knex(TABLE).whereIn("id", stale).delete()
      }
    }
    if (!figures.length) {
      return 0
    }
    const rows = figures.map((row) => ({
      id: generateEntityId(undefined, "asnap"),
      date: row.date,
      currency_code: row.currency_code,
      time_zone: row.time_zone,
      ...Object.fromEntries(
        MONEY_FIELDS.flatMap((field) => [
          [field, row[field]],
          [`raw_${field}`, raw(row[field])],
        ])
      ),
      ...Object.fromEntries(COUNT_FIELDS.map((field) => [field, row[field]])),
      conversion_rate: row.conversion_rate,
      raw_conversion_rate: raw(row.conversion_rate),
      low_stock_items: row.low_stock_items,
      top_products: JSON.stringify(row.top_products),
      top_variants: JSON.stringify(row.top_variants),
      computed_at: computedAt,
    }))
    const replaced = [
      "time_zone",
      ...MONEY_FIELDS.flatMap((field) => [field, `raw_${field}`]),
      ...COUNT_FIELDS,
      "conversion_rate",
      "raw_conversion_rate",
      "top_products",
      "top_variants",
      "computed_at",
    ]
    const lowStock = options.keepCapturedLowStock
      ? `"low_stock_items" = coalesce(excluded."low_stock_items", "${TABLE}"."low_stock_items")`
      : `"low_stock_items" = excluded."low_stock_items"`
    const { sql, bindings } = knex(TABLE).insert(rows).toSQL()
    await knex.raw(
      `${sql} on conflict ("date", "currency_code") where "deleted_at" is null do update set ${[
        ...replaced.map((column) => `"${column}" = excluded."${column}"`),
        lowStock,
        `"updated_at" = now()`,
      ].join(", ")}`,
      bindings
    )
    return rows.length
  }

  /** The stored snapshots of these days, as `replaceSnapshots` takes them (to put back on compensation). */
  @InjectManager()
  async snapshotsOfDates(
    dates: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<AnalyticsSnapshotView[]> {
    if (!dates.length) {
      return []
    }
    const rows: Row[] = await knexOf(sharedContext)(TABLE)
      .select(knexOf(sharedContext).raw(viewColumns.join(", ")))
      .whereIn("date", dates)
      .whereNull("deleted_at")
      .orderBy([{ column: "date" }, { column: "currency_code" }])
    return rows.map(toView)
  }

  /** Snapshots of the days `from`..`to` (inclusive), oldest first, optionally of one currency. */
  @InjectManager()
  async listSnapshotsInRange(
    filter: SnapshotFilter,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<AnalyticsSnapshotView[]> {
    const knex = knexOf(sharedContext)
    const query = knex(TABLE)
      .select(knex.raw(viewColumns.join(", ")))
      .where("date", ">=", filter.from)
      .andWhere("date", "<=", filter.to)
      .whereNull("deleted_at")
      .orderBy([{ column: "date" }, { column: "currency_code" }])
    if (filter.currency_code) {
      query.andWhere("currency_code", filter.currency_code)
    }
    const rows: Row[] = await query
    return rows.map(toView)
  }

  /**
   * Sums of one currency's snapshots over `from`..`to`, in SQL. Average order
   * value and conversion rate are recomputed from the sums, not averaged.
   * Store-wide gauges (low stock, open conversations) are not summed.
   */
  @InjectManager()
  async totalsInRange(
    filter: Required<SnapshotFilter>,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<PeriodTotals> {
    const knex = knexOf(sharedContext)
    const sums = [
      ...MONEY_FIELDS.filter((field) => field !== "average_order_value").map(
        (field) => `round(coalesce(sum("${field}"), 0), 2)::text as "${field}"`
      ),
      ...COUNT_FIELDS.filter((field) => field !== "open_conversations").map(
        (field) => `coalesce(sum("${field}"), 0)::bigint as "${field}"`
      ),
      `case when coalesce(sum("orders"), 0) = 0 then '0.00' else round(sum("gmv") / sum("orders"), 2)::text end as "average_order_value"`,
      `case when coalesce(sum("carts_created"), 0) = 0 then null else round(sum("carts_completed")::numeric / sum("carts_created"), 4)::text end as "conversion_rate"`,
      `count(*) as "days_with_snapshots"`,
    ]
    const [row]: Row[] = await knex(TABLE)
      .select(knex.raw(sums.join(", ")))
      .where("date", ">=", filter.from)
      .andWhere("date", "<=", filter.to)
      .andWhere("currency_code", filter.currency_code)
      .whereNull("deleted_at")
    return {
      ...(Object.fromEntries(MONEY_FIELDS.map((field) => [field, row[field] as string])) as Record<MoneyField, string>),
      ...(Object.fromEntries(
        COUNT_FIELDS.filter((field) => field !== "open_conversations").map((field) => [field, Number(row[field])])
      ) as Record<Exclude<CountField, "open_conversations">, number>),
      conversion_rate: (row.conversion_rate as string | null) ?? null,
      days_with_snapshots: Number(row.days_with_snapshots),
    }
  }

  /**
   * The best-selling products over `from`..`to` in one currency, from the
   * days' top-10 lists (a product counts on the days it made either list), by
   * revenue, at most `limit`.
   */
  @InjectManager()
  async topProductsInRange(
    filter: Required<SnapshotFilter>,
    limit = 10,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<TopProduct[]> {
    const { rows } = await knexOf(sharedContext).raw(
      `with entries as (
         select distinct on (s.date, e.product_id) e.product_id, e.title, e.units, e.revenue
         from "${TABLE}" s
         cross join lateral (
           select (x->>'product_id') as product_id, (x->>'title') as title,
                  (x->>'units')::numeric as units, (x->>'revenue')::numeric as revenue
           from jsonb_array_elements(coalesce(s.top_products->'by_revenue', '[]'::jsonb) || coalesce(s.top_products->'by_units', '[]'::jsonb)) x
         ) e
         where s.date >= ? and s.date <= ? and s.currency_code = ? and s.deleted_at is null
         order by s.date, e.product_id
       )
       select product_id, max(title) as title, sum(units)::bigint as units, round(sum(revenue), 2)::text as revenue
       from entries
       group by product_id
       order by sum(revenue) desc, sum(units) desc, product_id
       limit ?`,
      [filter.from, filter.to, filter.currency_code, limit]
    )
    return (rows as Row[]).map((row) => ({
      product_id: row.product_id as string,
      title: (row.title as string | null) ?? null,
      units: Number(row.units),
      revenue: row.revenue as string,
    }))
  }
}

export default AnalyticsSnapshotModuleService
