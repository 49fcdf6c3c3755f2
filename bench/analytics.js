#!/usr/bin/env node
/**
 * How long the analytics snapshots take on a big store: computing one day
 * with 100,000 orders, and backfilling a year.
 *
 *   npm run bench:analytics                                   # 1,000,000 orders
 *   node bench/analytics.js --orders 50000 --peak 5000        # a quick check
 *   DB_HOST=localhost DB_USERNAME=postgres npm run bench:analytics
 *
 * Creates a fresh database (on DATABASE_URL's or DB_HOST's server, else on an
 * embedded PostgreSQL under .data/bench), runs `medusa db:migrate`, then
 * generates the orders straight into Medusa's tables with generate_series
 * (nothing is committed to the repository): `--peak` of them on yesterday
 * (store time, Africa/Lagos), the rest spread over the 364 days before. One
 * order in five is in USD, the rest in NGN (VAT-inclusive, 7.5%); half have a
 * second line, every tenth line a promotion, each order a delivery charge;
 * one in fifty is canceled and one in fifty refunded the next day; 1.4 carts
 * per order (the extra ones abandoned).
 *
 * Then it `medusa exec`s src/scripts/analytics-backfill.ts twice, for
 * yesterday alone and for the whole year, and reads the time each took from
 * the script's own "done" line (the app's boot is not counted). App output
 * goes to bench/out/analytics.log. Exits 1 unless the snapshots' order counts
 * add up to the orders generated. The database is dropped at the end
 * (`--keep` keeps it).
 */
const fs = require("node:fs")
const path = require("node:path")
const { Client } = require("pg")
const { databaseServer, withDatabase } = require("./lib/database")
const { medusa: medusaCli, quoteIdent, runBench } = require("./lib/medusa-cli")

const ROOT = path.resolve(__dirname, "..")
const OUT_DIR = path.join(ROOT, "bench", "out")
const LOG_FILE = path.join(OUT_DIR, "analytics.log")
const medusa = (args, env) => medusaCli(args, env, LOG_FILE)
const TIME_ZONE = "Africa/Lagos"
const YEAR_DAYS = 365

const log = (message) => process.stdout.write(`[bench] ${message}\n`)
const count = (value) => Math.round(value).toLocaleString("en-US")
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`

function options(argv) {
  const value = (flag, fallback) => {
    const index = argv.indexOf(flag)
    if (index === -1) {
      return fallback
    }
    const parsed = Number(argv[index + 1])
    if (!Number.isInteger(parsed) || parsed < 1) {
      process.stderr.write("usage: node bench/analytics.js [--orders N] [--peak N] [--keep]\n")
      process.exit(2)
    }
    return parsed
  }
  const orders = value("--orders", 1_000_000)
  const peak = value("--peak", Math.min(100_000, orders))
  if (peak > orders) {
    process.stderr.write("--peak cannot exceed --orders\n")
    process.exit(2)
  }
  return { orders, peak, keep: argv.includes("--keep") }
}

/** `YYYY-MM-DD` in the store's zone. */
const localDate = (instant) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    instant
  )

const addDays = (date, days) => {
  const [y, m, d] = date.split("-").map(Number)
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}


async function withClient(url, fn) {
  const client = new Client({ connectionString: url })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

/**
 * The generated store, one statement per table. `$1` total orders, `$2` on
 * the peak day, `$3` the peak day's start, `$4` the first day's start, `$5`
 * the seconds the other days span. Order g: peak-day orders are 1..$2.
 */
const SEED = [
  [
    "orders",
    `insert into "order" (id, version, status, is_draft_order, currency_code, customer_id, email, created_at, updated_at, canceled_at)
     select 'order_bench_' || g, 1,
            (case when g % 50 = 25 then 'canceled' else 'pending' end)::order_status_enum,
            false, case when g % 5 = 0 then 'usd' else 'ngn' end,
            'cus_bench_' || (g::bigint * 7919 % ($1::int / 4 + 1)), 'bench' || g || '@example.com', at, at,
            case when g % 50 = 25 then at + interval '3 hours' end
     from (
       select g, case when g <= $2::int
                      then $3::timestamptz + ((g - 1) * 86399.0 / $2::int) * interval '1 second'
                      else $4::timestamptz + ((g - $2::int - 1) * $5::numeric / greatest($1::int - $2::int, 1)) * interval '1 second'
                 end as at
       from generate_series(1, $1::int) g
     ) s`,
  ],
  [
    "line items",
    `insert into order_line_item (id, title, product_id, variant_id, product_title, variant_title, variant_sku,
                                  is_tax_inclusive, unit_price, raw_unit_price, created_at, updated_at)
     select 'ordli_bench_' || g || '_' || k, 'Bench product ' || p, 'prod_bench_' || p, 'variant_bench_' || p || '_' || (g % 3),
            'Bench product ' || p, 'Size ' || (g % 3), 'BENCH-' || p || '-' || (g % 3),
            g % 5 <> 0, price, jsonb_build_object('value', price::text, 'precision', 20), now(), now()
     from (
       select g, k, (g * 31 + k * 17) % 250 as p,
              case when g % 5 = 0 then 10 + (g % 40) * 0.5 else 5000 + (g % 40) * 250 end as price
       from generate_series(1, $1::int) g cross join generate_series(1, 2) k
       where k = 1 or g % 2 = 0
     ) s`,
  ],
  [
    "order items",
    `insert into order_item (id, order_id, version, item_id, quantity, raw_quantity, fulfilled_quantity, shipped_quantity,
                             return_requested_quantity, return_received_quantity, return_dismissed_quantity,
                             written_off_quantity, created_at, updated_at)
     select 'orditem_bench_' || g || '_' || k, 'order_bench_' || g, 1, 'ordli_bench_' || g || '_' || k,
            q, jsonb_build_object('value', q::text, 'precision', 20), 0, 0, 0, 0, 0, 0, now(), now()
     from (
       select g, k, 1 + (g + k) % 3 as q
       from generate_series(1, $1::int) g cross join generate_series(1, 2) k
       where k = 1 or g % 2 = 0
     ) s`,
  ],
  [
    "line tax lines (NGN VAT)",
    `insert into order_line_item_tax_line (id, code, rate, raw_rate, item_id, created_at, updated_at)
     select 'ordlitxl_bench_' || g || '_' || k, 'VAT', 7.5, '{"value": "7.5", "precision": 20}'::jsonb,
            'ordli_bench_' || g || '_' || k, now(), now()
     from generate_series(1, $1::int) g cross join generate_series(1, 2) k
     where (k = 1 or g % 2 = 0) and g % 5 <> 0`,
  ],
  [
    "promotions",
    `insert into order_line_item_adjustment (id, code, amount, raw_amount, item_id, is_tax_inclusive, version, created_at, updated_at)
     select 'ordliadj_bench_' || g, 'BENCH10', a, jsonb_build_object('value', a::text, 'precision', 20),
            'ordli_bench_' || g || '_1', g % 5 <> 0, 1, now(), now()
     from (select g, case when g % 5 = 0 then 1.5 else 500 end as a from generate_series(10, $1::int, 10) g) s`,
  ],
  [
    "shipping methods",
    `insert into order_shipping_method (id, name, amount, raw_amount, is_tax_inclusive, created_at, updated_at)
     select 'ordsm_bench_' || g, 'Standard delivery', a, jsonb_build_object('value', a::text, 'precision', 20), g % 5 <> 0, now(), now()
     from (select g, case when g % 5 = 0 then 5 else 2500 end as a from generate_series(1, $1::int) g) s`,
  ],
  [
    "order shipping",
    `insert into order_shipping (id, order_id, version, shipping_method_id, created_at, updated_at)
     select 'ordspmv_bench_' || g, 'order_bench_' || g, 1, 'ordsm_bench_' || g, now(), now()
     from generate_series(1, $1::int) g`,
  ],
  [
    "shipping tax lines",
    `insert into order_shipping_method_tax_line (id, code, rate, raw_rate, shipping_method_id, created_at, updated_at)
     select 'ordsmtxl_bench_' || g, 'VAT', 7.5, '{"value": "7.5", "precision": 20}'::jsonb, 'ordsm_bench_' || g, now(), now()
     from generate_series(1, $1::int) g where g % 5 <> 0`,
  ],
  [
    "refunds",
    `insert into order_transaction (id, order_id, version, amount, raw_amount, currency_code, reference, reference_id, created_at, updated_at)
     select 'ordtrx_bench_' || o.id, o.id, 1, -a, jsonb_build_object('value', (-a)::text, 'precision', 20), o.currency_code,
            'refund', 'ref_bench_' || o.id, o.created_at + interval '1 day', now()
     from (select id, currency_code, created_at, case when currency_code = 'usd' then 5 else 2500 end as a
           from "order" where id like 'order_bench_%' and substring(id from 13)::int % 50 = 1) o`,
  ],
  [
    "carts",
    `insert into cart (id, currency_code, created_at, updated_at, completed_at)
     select 'cart_bench_' || o.id || '_' || k, o.currency_code, o.created_at - interval '20 minutes', now(),
            case when k = 1 then o.created_at end
     from "order" o cross join generate_series(1, 2) k
     where o.id like 'order_bench_%' and (k = 1 or substring(o.id from 13)::int % 5 < 2)`,
  ],
]

async function seed(url, { orders, peak }, days) {
  await withClient(url, async (client) => {
    const params = [orders, peak, days.peakStart, days.firstStart, (YEAR_DAYS - 1) * 86400]
    for (const [what, sql] of SEED) {
      const started = Date.now()
      const { rowCount } = await client.query(sql, sql.includes("$") ? params.slice(0, maxParam(sql)) : [])
      log(`  ${what}: ${count(rowCount)} rows in ${seconds(Date.now() - started)}`)
    }
    const started = Date.now()
    await client.query("analyze")
    log(`  analyze: ${seconds(Date.now() - started)}`)
  })
}

const maxParam = (sql) => Math.max(...[...sql.matchAll(/\$(\d)/g)].map((m) => Number(m[1])))

const DONE = /analytics-backfill: done: (\d+) days, (\d+) snapshots in (\d+) ms/

/** Runs the backfill script and reads its own timing; rejects when it printed no "done" line. */
async function timedBackfill(env, from, to) {
  const output = await medusa(["exec", "./src/scripts/analytics-backfill.ts", from, to], env)
  const match = DONE.exec(output)
  return match
    ? { days: Number(match[1]), snapshots: Number(match[2]), ms: Number(match[3]) }
    : Promise.reject(new Error(`no "done" line from the backfill script; see ${LOG_FILE}`))
}

async function main() {
  const opts = options(process.argv.slice(2))
  fs.mkdirSync(OUT_DIR, { recursive: true })
  fs.writeFileSync(LOG_FILE, "")
  const yesterday = addDays(localDate(new Date()), -1)
  const first = addDays(yesterday, -(YEAR_DAYS - 1))
  // Lagos is UTC+1 all year.
  const days = { peakStart: `${yesterday}T00:00:00+01:00`, firstStart: `${first}T00:00:00+01:00` }

  const server = await databaseServer(log)
  const name = `bench_analytics_${process.pid}`
  const url = withDatabase(server.url, name)
  let created = false
  try {
    await withClient(withDatabase(server.url, "postgres"), async (client) => {
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`)
      await client.query(`CREATE DATABASE ${quoteIdent(name)}`)
    })
    created = true
    const env = { ...process.env, DATABASE_URL: url, STORE_TIMEZONE: TIME_ZONE, REDIS_URL: "" }
    log(`Database ${name}: running migrations (output in ${path.relative(ROOT, LOG_FILE)})`)
    await medusa(["db:migrate"], env)

    log(
      `Generating ${count(opts.orders)} orders: ${count(opts.peak)} on ${yesterday}, the rest over ${first}..${addDays(yesterday, -1)}`
    )
    const seedStart = Date.now()
    await seed(url, opts, days)
    const seedMs = Date.now() - seedStart

    log(`Computing ${yesterday} (medusa exec ./src/scripts/analytics-backfill.ts ${yesterday} ${yesterday})`)
    const oneDay = await timedBackfill(env, yesterday, yesterday)
    log(`Backfilling ${first}..${yesterday}`)
    const year = await timedBackfill(env, first, yesterday)

    const check = await withClient(url, async (client) => {
      const { rows } = await client.query(
        `select
           (select count(*) from "order" where status <> 'canceled') as expected,
           (select coalesce(sum(orders), 0) from analytics_snapshot) as counted,
           (select orders from analytics_snapshot where date = $1 and currency_code = 'ngn') as peak_ngn,
           (select orders from analytics_snapshot where date = $1 and currency_code = 'usd') as peak_usd,
           (select gmv::text from analytics_snapshot where date = $1 and currency_code = 'ngn') as peak_gmv_ngn,
           (select count(*) from analytics_snapshot) as rows`,
        [yesterday]
      )
      return rows[0]
    })
    const peakOrders = Number(check.peak_ngn) + Number(check.peak_usd)
    const lines = [
      `analytics snapshots, ${count(opts.orders)} orders, node ${process.version}`,
      `seed          ${count(opts.orders)} orders generated in ${seconds(seedMs)}`,
      `one day       ${yesterday}: ${count(peakOrders)} orders counted (NGN GMV ₦${check.peak_gmv_ngn}) ` +
        `computed in ${seconds(oneDay.ms)}`,
      `backfill      ${count(year.days)} days, ${count(year.snapshots)} snapshots in ${seconds(year.ms)} ` +
        `(${seconds(year.ms / year.days)} per day)`,
      `check         ${count(Number(check.counted))} orders in the snapshots, ${count(Number(check.expected))} not canceled`,
    ]
    process.stdout.write(`${lines.join("\n")}\n`)
    if (Number(check.counted) !== Number(check.expected)) {
      process.stderr.write("ERROR: the snapshots' order counts do not add up to the orders generated\n")
      process.exitCode = 1
    }
  } finally {
    if (created && !opts.keep) {
      await withClient(withDatabase(server.url, "postgres"), (client) =>
        client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`)
      ).catch((error) => process.stderr.write(`[bench] could not drop database ${name}: ${error.message}\n`))
    } else if (created) {
      log(`Kept database ${name}: ${url}`)
    }
    await server.embedded?.stop()
  }
}

runBench(main)
