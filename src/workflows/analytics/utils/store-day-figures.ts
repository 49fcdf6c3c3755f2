import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { SnapshotFigures } from "../../../modules/analytics-snapshot/service"
import { COUNT_FIELDS, MONEY_FIELDS } from "../../../modules/analytics-snapshot/service"

export type StoreDayRange = {
  /** First store day, `YYYY-MM-DD`. */
  from: string
  /** Last store day, included. */
  to: string
  time_zone: string
  /** Currencies that get a row every day, with zeros when quiet (the store's NGN and USD). */
  currencies: string[]
}

/** How many entries each top list keeps. */
export const TOP_LIMIT = 10

/**
 * The SQL behind the snapshots: one statement that reads Medusa's order,
 * cart, concierge and broadcast tables and returns a row per store day and
 * currency. Every amount is read from the `raw_*` (exact decimal) columns and
 * summed as `numeric`; rounding to the minor unit happens once, on the sums.
 *
 * An order's amounts are those Medusa shows for it (see `decorateCartTotals`
 * in @medusajs/utils), from its current version: per line
 *   subtotal = unit_price x quantity, divided by (1 + rate) when the price includes tax
 *   discount = tax-inclusive adjustments / (1 + rate) + other adjustments
 *   tax      = (subtotal - discount) x rate;  total = subtotal - discount + tax
 * where rate is the line's tax rates summed; shipping methods likewise. GMV
 * is the orders' item and shipping totals (credit lines, being store credit
 * or refunds, are not part of it).
 *
 * Positional bindings (`?`) only, so `::type` casts are never read as names.
 */
export function storeDayFiguresQuery(range: StoreDayRange): { sql: string; bindings: unknown[] } {
  const bindings: unknown[] = []
  const bind = (value: unknown) => {
    bindings.push(value)
    return "?"
  }
  const tz = () => bind(range.time_zone)
  const localDay = (column: string) => `(${column} at time zone ${tz()})::date`
  const amount = (alias: string, column: string) =>
    `coalesce((${alias}."raw_${column}"->>'value')::numeric, ${alias}."${column}")`

  const sql = `
with days as (
  select ${bind(range.from)}::date + n as day
  from generate_series(0, ${bind(range.to)}::date - ${bind(range.from)}::date) as n
),
day_bounds as (
  select day,
         (day::timestamp at time zone ${tz()}) as day_start,
         ((day + 1)::timestamp at time zone ${tz()}) as day_end
  from days
),
range_bounds as (
  select min(day_start) as lo, max(day_end) as hi from day_bounds
),
range_orders as (
  -- One pass over "order": the range's placed orders and its cancellations.
  select o.id, o.version, o.customer_id, lower(o.currency_code) as currency_code, o.status::text as status,
         o.created_at, o.canceled_at
  from "order" o cross join range_bounds r
  where ((o.created_at >= r.lo and o.created_at < r.hi) or (o.canceled_at >= r.lo and o.canceled_at < r.hi))
    and o.deleted_at is null and o.is_draft_order = false
),
day_orders as (
  select o.id, o.version, o.customer_id, o.currency_code, ${localDay("o.created_at")} as day
  from range_orders o cross join range_bounds r
  where o.created_at >= r.lo and o.created_at < r.hi and o.status not in ('canceled', 'draft')
),
item_totals as (
  select o.day, o.currency_code, li.product_id, li.variant_id, li.product_title, li.variant_title, li.variant_sku,
         v.quantity,
         (x.subtotal - x.discount) * r.rate as tax,
         (x.subtotal - x.discount) * (1 + r.rate) as total,
         x.discount * (1 + r.rate) as discount_total
  from day_orders o
  join order_item oi on oi.order_id = o.id and oi.version = o.version and oi.deleted_at is null
  join order_line_item li on li.id = oi.item_id and li.deleted_at is null
  cross join lateral (
    select ${amount("oi", "quantity")} as quantity,
           coalesce((oi.raw_unit_price->>'value')::numeric, oi.unit_price, ${amount("li", "unit_price")}) as unit_price
  ) v
  cross join lateral (
    select coalesce(sum(${amount("tl", "rate")}), 0) / 100 as rate
    from order_line_item_tax_line tl
    where tl.item_id = li.id and tl.deleted_at is null
  ) r
  cross join lateral (
    select coalesce(sum(${amount("a", "amount")}) filter (where a.is_tax_inclusive), 0) as inclusive,
           coalesce(sum(${amount("a", "amount")}) filter (where not coalesce(a.is_tax_inclusive, false)), 0) as exclusive
    from order_line_item_adjustment a
    where a.item_id = li.id and a.version = oi.version and a.deleted_at is null
  ) adj
  cross join lateral (
    select case when coalesce(li.is_tax_inclusive, false) then v.unit_price * v.quantity / (1 + r.rate)
                else v.unit_price * v.quantity end as subtotal,
           adj.inclusive / (1 + r.rate) + adj.exclusive as discount
  ) x
),
shipping_totals as (
  select o.day, o.currency_code,
         (x.subtotal - x.discount) * r.rate as tax,
         (x.subtotal - x.discount) * (1 + r.rate) as total,
         x.discount * (1 + r.rate) as discount_total
  from day_orders o
  join order_shipping os on os.order_id = o.id and os.version = o.version and os.deleted_at is null
   and os.return_id is null and os.claim_id is null and os.exchange_id is null
  join order_shipping_method sm on sm.id = os.shipping_method_id and sm.deleted_at is null
  cross join lateral (
    select coalesce(sum(${amount("tl", "rate")}), 0) / 100 as rate
    from order_shipping_method_tax_line tl
    where tl.shipping_method_id = sm.id and tl.deleted_at is null
  ) r
  cross join lateral (
    -- Shipping adjustments have no is_tax_inclusive: Medusa treats them as before tax.
    select coalesce(sum(${amount("a", "amount")}), 0) as exclusive
    from order_shipping_method_adjustment a
    where a.shipping_method_id = sm.id and a.version = os.version and a.deleted_at is null
  ) adj
  cross join lateral (
    select case when coalesce(sm.is_tax_inclusive, false) then ${amount("sm", "amount")} / (1 + r.rate)
                else ${amount("sm", "amount")} end as subtotal,
           adj.exclusive as discount
  ) x
),
order_sums as (
  select day, currency_code, count(*) as orders from day_orders group by day, currency_code
),
item_sums as (
  select day, currency_code, sum(total) as total, sum(tax) as tax, sum(discount_total) as discounts,
         sum(quantity) as items_sold
  from item_totals group by day, currency_code
),
shipping_sums as (
  select day, currency_code, sum(total) as total, sum(tax) as tax, sum(discount_total) as discounts
  from shipping_totals group by day, currency_code
),
day_customers as (
  select distinct day, currency_code, customer_id from day_orders where customer_id is not null
),
first_orders as (
  select p.customer_id, min(p.created_at) as first_at
  from "order" p
  where p.customer_id in (select customer_id from day_customers)
    and p.deleted_at is null and p.is_draft_order = false and p.status::text <> 'draft'
  group by p.customer_id
),
customer_sums as (
  select c.day, c.currency_code,
         count(*) filter (where f.first_at >= b.day_start) as new_customers,
         count(*) filter (where f.first_at < b.day_start) as returning_customers
  from day_customers c
  join first_orders f on f.customer_id = c.customer_id
  join day_bounds b on b.day = c.day
  group by c.day, c.currency_code
),
refund_sums as (
  select ${localDay("t.created_at")} as day, lower(t.currency_code) as currency_code,
         -sum(${amount("t", "amount")}) as refunds
  from order_transaction t cross join range_bounds r
  where t.reference = 'refund' and t.deleted_at is null and t.created_at >= r.lo and t.created_at < r.hi
  group by 1, 2
),
cancel_sums as (
  select ${localDay("o.canceled_at")} as day, o.currency_code, count(*) as canceled_orders
  from range_orders o cross join range_bounds r
  where o.status = 'canceled' and o.canceled_at >= r.lo and o.canceled_at < r.hi
  group by 1, 2
),
range_carts as (
  -- One pass over "cart": carts created or completed in the range.
  select lower(c.currency_code) as currency_code, c.created_at, c.completed_at
  from cart c cross join range_bounds r
  where ((c.created_at >= r.lo and c.created_at < r.hi) or (c.completed_at >= r.lo and c.completed_at < r.hi))
    and c.deleted_at is null
),
carts_created as (
  select ${localDay("c.created_at")} as day, c.currency_code, count(*) as carts
  from range_carts c cross join range_bounds r
  where c.created_at >= r.lo and c.created_at < r.hi
  group by 1, 2
),
carts_completed as (
  select ${localDay("c.completed_at")} as day, c.currency_code, count(*) as carts
  from range_carts c cross join range_bounds r
  where c.completed_at >= r.lo and c.completed_at < r.hi
  group by 1, 2
),
open_conversations as (
  select b.day, count(c.id) as conversations
  from day_bounds b
  left join concierge_conversation c
    on c.created_at < b.day_end and c.deleted_at is null
   and coalesce(c.resolved_at, case when c.status = 'resolved' then c.updated_at end, 'infinity'::timestamptz) >= b.day_end
  group by b.day
),
broadcasts_sent as (
  select ${localDay("m.sent_at")} as day, count(*) as messages
  from broadcast_recipient m cross join range_bounds r
  where m.status = 'sent' and m.deleted_at is null and m.sent_at >= r.lo and m.sent_at < r.hi
  group by 1
),
product_ranks as (
  select s.*,
         row_number() over (partition by day, currency_code order by revenue desc, units desc, product_id) as revenue_rank,
         row_number() over (partition by day, currency_code order by units desc, revenue desc, product_id) as units_rank
  from (
    select day, currency_code, product_id, max(product_title) as title, sum(quantity) as units, sum(total) as revenue
    from item_totals where product_id is not null
    group by day, currency_code, product_id
  ) s
),
top_products as (
  select day, currency_code, jsonb_build_object(
    'by_revenue', coalesce(jsonb_agg(entry order by revenue_rank) filter (where revenue_rank <= ${bind(TOP_LIMIT)}), '[]'::jsonb),
    'by_units', coalesce(jsonb_agg(entry order by units_rank) filter (where units_rank <= ${bind(TOP_LIMIT)}), '[]'::jsonb)
  ) as lists
  from (
    select p.*, jsonb_build_object('product_id', product_id, 'title', title, 'units', units,
                                   'revenue', round(revenue, 2)::text) as entry
    from product_ranks p
  ) e
  group by day, currency_code
),
variant_ranks as (
  select s.*,
         row_number() over (partition by day, currency_code order by revenue desc, units desc, variant_id) as revenue_rank,
         row_number() over (partition by day, currency_code order by units desc, revenue desc, variant_id) as units_rank
  from (
    select day, currency_code, variant_id, max(product_id) as product_id, max(product_title) as title,
           max(variant_title) as variant_title, max(variant_sku) as sku,
           sum(quantity) as units, sum(total) as revenue
    from item_totals where variant_id is not null
    group by day, currency_code, variant_id
  ) s
),
top_variants as (
  select day, currency_code, jsonb_build_object(
    'by_revenue', coalesce(jsonb_agg(entry order by revenue_rank) filter (where revenue_rank <= ${bind(TOP_LIMIT)}), '[]'::jsonb),
    'by_units', coalesce(jsonb_agg(entry order by units_rank) filter (where units_rank <= ${bind(TOP_LIMIT)}), '[]'::jsonb)
  ) as lists
  from (
    select v.*, jsonb_build_object('variant_id', variant_id, 'product_id', product_id, 'title', title,
                                   'variant_title', variant_title, 'sku', sku, 'units', units,
                                   'revenue', round(revenue, 2)::text) as entry
    from variant_ranks v
  ) e
  group by day, currency_code
),
keys as (
  select d.day, c.currency_code from days d cross join unnest(string_to_array(${bind(range.currencies.join(","))}, ',')) as c(currency_code)
  union select day, currency_code from day_orders
  union select day, currency_code from refund_sums
  union select day, currency_code from cancel_sums
  union select day, currency_code from carts_created
  union select day, currency_code from carts_completed
),
figures as (
  select k.day, k.currency_code,
         coalesce(os.orders, 0) as orders,
         round(coalesce(i.total, 0) + coalesce(s.total, 0), 2) as gmv,
         coalesce(i.total, 0) + coalesce(s.total, 0) as gmv_exact,
         round(coalesce(i.discounts, 0) + coalesce(s.discounts, 0), 2) as discounts,
         round(coalesce(s.total, 0), 2) as shipping,
         round(coalesce(i.tax, 0) + coalesce(s.tax, 0), 2) as tax,
         round(coalesce(rf.refunds, 0), 2) as refunds,
         coalesce(i.items_sold, 0) as items_sold,
         coalesce(cs.new_customers, 0) as new_customers,
         coalesce(cs.returning_customers, 0) as returning_customers,
         coalesce(cc.carts, 0) as carts_created,
         coalesce(cd.carts, 0) as carts_completed,
         coalesce(cn.canceled_orders, 0) as canceled_orders,
         coalesce(oc.conversations, 0) as open_conversations,
         coalesce(bs.messages, 0) as broadcast_messages_sent,
         coalesce(tp.lists, '{"by_revenue": [], "by_units": []}'::jsonb) as top_products,
         coalesce(tv.lists, '{"by_revenue": [], "by_units": []}'::jsonb) as top_variants
  from keys k
  left join order_sums os on os.day = k.day and os.currency_code = k.currency_code
  left join item_sums i on i.day = k.day and i.currency_code = k.currency_code
  left join shipping_sums s on s.day = k.day and s.currency_code = k.currency_code
  left join customer_sums cs on cs.day = k.day and cs.currency_code = k.currency_code
  left join refund_sums rf on rf.day = k.day and rf.currency_code = k.currency_code
  left join cancel_sums cn on cn.day = k.day and cn.currency_code = k.currency_code
  left join carts_created cc on cc.day = k.day and cc.currency_code = k.currency_code
  left join carts_completed cd on cd.day = k.day and cd.currency_code = k.currency_code
  left join open_conversations oc on oc.day = k.day
  left join broadcasts_sent bs on bs.day = k.day
  left join top_products tp on tp.day = k.day and tp.currency_code = k.currency_code
  left join top_variants tv on tv.day = k.day and tv.currency_code = k.currency_code
)
select to_char(day, 'YYYY-MM-DD') as date, currency_code,
       orders::bigint as orders,
       gmv::text as gmv,
       discounts::text as discounts,
       shipping::text as shipping,
       tax::text as tax,
       refunds::text as refunds,
       (gmv - refunds)::text as net_revenue,
       case when orders = 0 then '0.00' else round(gmv_exact / orders, 2)::text end as average_order_value,
       items_sold::bigint as items_sold,
       new_customers::bigint as new_customers,
       returning_customers::bigint as returning_customers,
       carts_created::bigint as carts_created,
       carts_completed::bigint as carts_completed,
       case when carts_created = 0 then null
            else round(carts_completed::numeric / carts_created, 4)::text end as conversion_rate,
       canceled_orders::bigint as canceled_orders,
       open_conversations::bigint as open_conversations,
       broadcast_messages_sent::bigint as broadcast_messages_sent,
       top_products, top_variants
from figures
order by day, currency_code`
  return { sql, bindings }
}

type FigureRow = Record<string, unknown>

/** Runs the statement and shapes its rows (counts arrive from pg as strings). */
export async function aggregateStoreDays(knex: Knex, range: StoreDayRange): Promise<SnapshotFigures[]> {
  const { sql, bindings } = storeDayFiguresQuery(range)
  const { rows } = (await knex.raw(sql, bindings as Knex.RawBinding[])) as { rows: FigureRow[] }
  return rows.map((row) => ({
    date: row.date as string,
    currency_code: row.currency_code as string,
    time_zone: range.time_zone,
    ...(Object.fromEntries(MONEY_FIELDS.map((field) => [field, row[field] as string])) as Record<
      (typeof MONEY_FIELDS)[number],
      string
    >),
    ...(Object.fromEntries(COUNT_FIELDS.map((field) => [field, Number(row[field])])) as Record<
      (typeof COUNT_FIELDS)[number],
      number
    >),
    conversion_rate: (row.conversion_rate as string | null) ?? null,
    low_stock_items: null,
    top_products: row.top_products as SnapshotFigures["top_products"],
    top_variants: row.top_variants as SnapshotFigures["top_variants"],
  }))
}
