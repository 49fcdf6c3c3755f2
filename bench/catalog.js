#!/usr/bin/env node
/**
 * Catalog and checkout speed (issue: a memoized catalog that is never stale).
 *
 *   npm run bench:catalog
 *   BENCH_SECONDS=20 BENCH_SOAK_SECONDS=600 npm run bench:catalog
 *   BENCH_PREPARE_ONLY=1 npm run bench:catalog   # generate, migrate, seed and build only
 *
 * Builds the app (`medusa build`), prepares a database with the generated
 * 5,000-product catalog (data/generated/catalog-large.json, made by
 * scripts/generate-catalog.js when missing; seeded once and reused), then runs
 * the built server from .medusa/server twice with every middleware on (rate
 * limits included, with a budget no run exhausts): once with the store
 * response cache off (Medusa as it comes, plus its Caching Module on Redis)
 * and once with it on. For each it prints autocannon figures at 8
 * connections for `/health` (the ceiling of one process), the region-priced
 * listing and a product detail, and the time of a full 8-call checkout paid
 * through the loopback Paystack fake. With BENCH_SOAK_SECONDS it then loads
 * the cached reads for that long and prints the server's memory over time.
 *
 * Needs PostgreSQL (DATABASE_URL, default a `bench_catalog` database on
 * 127.0.0.1:5432) and Redis (REDIS_URL, default redis://127.0.0.1:6379/11).
 * Figures go to stdout and to bench/out/catalog.json.
 */
require("ts-node/register")

const { spawn, spawnSync } = require("node:child_process")
const fs = require("node:fs")
const path = require("node:path")
const autocannon = require("autocannon")
const { startFakePaystack } = require("../integration-tests/fakes/paystack")

const ROOT = path.resolve(__dirname, "..")
const SERVER_DIR = path.join(ROOT, ".medusa", "server")
const MEDUSA = path.join(ROOT, "node_modules", ".bin", "medusa")
const CATALOG = path.join(ROOT, "data", "generated", "catalog-large.json")
const OUT = path.join(ROOT, "bench", "out")
const PORT = Number(process.env.BENCH_PORT || 9700)
const SECONDS = Number(process.env.BENCH_SECONDS || 10)
const SOAK_SECONDS = Number(process.env.BENCH_SOAK_SECONDS || 0)
const CONNECTIONS = 8
const CHECKOUTS = Number(process.env.BENCH_CHECKOUTS || 10)
const DATABASE_URL = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/bench_catalog"
const REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379/11"
const PAYSTACK_SECRET = "sk_test_bench_paystack"
const SECRET = "bench-secret-that-is-at-least-32-characters-long"

const log = (message) => process.stdout.write(`[bench] ${message}\n`)

/** The bench stops at the first thing that went wrong (it is a script, not an HTTP route). */
class BenchFailure extends Error {}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", ...options })
  if (result.status !== 0) {
    throw new BenchFailure(`${command} ${args.join(" ")} exited with ${result.status}`)
  }
}

function ensureDatabase() {
  const url = new URL(DATABASE_URL)
  const name = url.pathname.slice(1)
  const admin = `${url.protocol}//${url.username}${url.password ? `:${url.password}` : ""}@${url.host}/postgres`
  const exists = spawnSync("psql", [admin, "-tAc", `select 1 from pg_database where datname = '${name}'`], {
    encoding: "utf8",
  })
  if (exists.stdout.trim() !== "1") {
    log(`Creating database ${name}`)
    run("psql", [admin, "-c", `create database "${name}"`])
  }
}

function productCount() {
  const result = spawnSync("psql", [DATABASE_URL, "-tAc", "select count(*) from product where deleted_at is null"], {
    encoding: "utf8",
  })
  return result.status === 0 ? Number(result.stdout.trim()) : 0
}

function publishableKey() {
  const sql = "select token from api_key where type = 'publishable' and revoked_at is null order by created_at limit 1"
  const key = spawnSync("psql", [DATABASE_URL, "-tAc", sql], { encoding: "utf8" }).stdout.trim()
  if (!key) {
    throw new BenchFailure("no publishable key: the seed did not run")
  }
  return key
}

/**
 * A variant the store will sell enough of for this run's checkouts: earlier
 * runs bought stock, so try the listed variants until one takes the quantity.
 */
async function sellableVariant(base, headers, products, regionId, quantity) {
  const { cart } = await json(`${base}/store/carts`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify({ region_id: regionId }),
  })
  for (const variant of products.flatMap((product) => product.variants ?? []).filter((v) => v.calculated_price)) {
    const response = await fetch(`${base}/store/carts/${cart.id}/line-items`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ variant_id: variant.id, quantity }),
    })
    if (response.ok) {
      return variant.id
    }
  }
  throw new BenchFailure(`no listed variant has ${quantity} in stock`)
}

const baseEnv = () => ({
  ...process.env,
  NODE_ENV: "production",
  LOCAL_TRIAL: "true",
  DATABASE_URL,
  REDIS_URL,
  JWT_SECRET: SECRET,
  COOKIE_SECRET: SECRET,
  ADMIN_EMAIL: "bench@store.test",
  ADMIN_PASSWORD: "bench-password-123",
  RATE_LIMIT_STORE_PER_MINUTE: "100000000",
  RATE_LIMIT_AUTH_PER_MINUTE: "100000000",
  // Production's own level: one `http` line per request, written to stdout as in production.
  LOG_LEVEL: "http",
  METRICS_TOKEN: SECRET,
})

function prepare() {
  if (!fs.existsSync(CATALOG)) {
    log("Generating the 5,000-product catalog")
    run(process.execPath, ["scripts/generate-catalog.js", "--products", "5000", "--out", CATALOG])
  }
  ensureDatabase()
  log("Migrating")
  run(MEDUSA, ["db:migrate"], { env: baseEnv() })
  if (productCount() < 5000) {
    log("Seeding the store and importing 5,000 products (once; takes a few minutes)")
    run(MEDUSA, ["exec", "./src/scripts/seed.ts", CATALOG], { env: baseEnv() })
  }
  if (process.env.BENCH_SKIP_BUILD !== "1") {
    log("Building (medusa build)")
    run(MEDUSA, ["build"], { env: baseEnv() })
  }
}

async function startServer(env) {
  const child = spawn(MEDUSA, ["start", "-p", String(PORT)], {
    cwd: SERVER_DIR,
    env: { ...baseEnv(), ...env, PORT: String(PORT) },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  })
  const deadline = Date.now() + 180_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new BenchFailure(`the server exited with ${child.exitCode}`)
    }
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/health`)).ok) {
        return child
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new BenchFailure("the server did not answer /health within 3 minutes")
}

async function stopServer(child) {
  process.kill(-child.pid, "SIGTERM")
  await new Promise((resolve) => child.once("exit", resolve))
}

/** The server's resident memory in MB (the `medusa start` process tree's Node process). */
function serverRssMb(child) {
  const pids = spawnSync("pgrep", ["-g", String(child.pid)], { encoding: "utf8" }).stdout.trim().split("\n")
  let max = 0
  for (const pid of pids.filter(Boolean)) {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8")
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
    max = Math.max(max, kb)
  }
  return Math.round(max / 1024)
}

/** The server's V8 heap (MB) and its storefront analytics events dropped and pending, from its Prometheus metrics. */
async function serverMetrics(base) {
  const response = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${SECRET}` } })
  const text = await response.text()
  const value = (pattern) => [...text.matchAll(pattern)].reduce((sum, match) => sum + Number(match[1]), 0)
  return {
    heap_used_mb: Math.round(value(/^nodejs_heap_size_used_bytes (\S+)$/gm) / 2 ** 20),
    heap_total_mb: Math.round(value(/^nodejs_heap_size_total_bytes (\S+)$/gm) / 2 ** 20),
    analytics_dropped: value(/^analytics_events_dropped_total\{[^}]*\} (\S+)$/gm),
    analytics_pending: value(/^analytics_events_pending (\S+)$/gm),
  }
}

/** Waits until the server has no storefront analytics event left to track; how long that took. */
async function analyticsDrained(base) {
  const started = Date.now()
  while ((await serverMetrics(base)).analytics_pending > 0) {
    if (Date.now() - started > 120_000) {
      throw new BenchFailure("storefront analytics events still pending 2 minutes after the load")
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  return Date.now() - started
}

async function load(url, headers, seconds = SECONDS) {
  await autocannon({ url, headers, connections: CONNECTIONS, duration: 2 })
  const result = await autocannon({ url, headers, connections: CONNECTIONS, duration: seconds })
  const failures = result.non2xx + result.errors + result.timeouts
  if (failures) {
    throw new BenchFailure(`${url}: ${failures} failed requests`)
  }
  return {
    requests_per_second: Math.round(result.requests.average),
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
  }
}

async function json(url, init = {}) {
  const response = await fetch(url, init)
  const body = await response.json()
  if (!response.ok) {
    throw new BenchFailure(`${init.method ?? "GET"} ${url}: ${response.status} ${JSON.stringify(body)}`)
  }
  return body
}

/** The storefront's 8 calls, timed end to end; the payment is approved on the Paystack fake before completing. */
async function checkout(base, headers, context, paystack) {
  const started = performance.now()
  const post = (route, body) =>
    json(`${base}${route}`, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify(body) })
  const { cart } = await post("/store/carts", { region_id: context.regionId, email: "bench.buyer@example.com" })
  await post(`/store/carts/${cart.id}/line-items`, { variant_id: context.variantId, quantity: 1 })
  const address = {
    first_name: "Ada",
    last_name: "Obi",
    address_1: "1 Marina",
    city: "Lagos",
    country_code: "ng",
    postal_code: "100001",
    phone: "+2348012345678",
  }
  await post(`/store/carts/${cart.id}`, { shipping_address: address, billing_address: address })
  const { shipping_options } = await json(`${base}/store/shipping-options?cart_id=${cart.id}`, { headers })
  await post(`/store/carts/${cart.id}/shipping-methods`, { option_id: shipping_options[0].id })
  const { payment_collection } = await post("/store/payment-collections", { cart_id: cart.id })
  const session = await post(`/store/payment-collections/${payment_collection.id}/payment-sessions`, {
    provider_id: "pp_paystack_paystack",
    data: { email: "bench.buyer@example.com" },
  })
  paystack.chargeSuccessEvent(session.payment_collection.payment_sessions[0].data.reference)
  const completed = await post(`/store/carts/${cart.id}/complete`, {})
  if (completed.type !== "order") {
    throw new BenchFailure(`checkout did not place an order: ${JSON.stringify(completed).slice(0, 300)}`)
  }
  return performance.now() - started
}

const PRICE_CHANGES = 5

/**
 * How long a price changed through the admin API takes to show in the store's
 * cached product detail: from sending the change to the first read that has it
 * (each of PRICE_CHANGES changes on a detail read just before, so it is cached).
 */
async function priceChangeVisibility(base, headers, detailUrl, productId) {
  const { token } = await json(`${base}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: baseEnv().ADMIN_EMAIL, password: baseEnv().ADMIN_PASSWORD }),
  })
  const admin = { authorization: `Bearer ${token}`, "content-type": "application/json" }
  const { product } = await json(`${base}/admin/products/${productId}?fields=id,variants.id,*variants.prices`, {
    headers: admin,
  })
  const variant = product.variants[0]
  const original = variant.prices.find((price) => price.currency_code === "ngn")
  const setNgnPrice = (amount) =>
    json(`${base}/admin/products/${productId}/variants/${variant.id}`, {
      method: "POST",
      headers: admin,
      body: JSON.stringify({
        prices: variant.prices.map((price) => ({
          id: price.id,
          currency_code: price.currency_code,
          amount: price.id === original.id ? amount : price.amount,
        })),
      }),
    })
  const storeAmount = async () => {
    const { product: read } = await json(detailUrl, { headers })
    return read.variants.find((v) => v.id === variant.id)?.calculated_price?.calculated_amount
  }
  const times = []
  try {
    for (let i = 1; i <= PRICE_CHANGES; i++) {
      const amount = original.amount + i
      await storeAmount()
      const started = performance.now()
      await setNgnPrice(amount)
      while ((await storeAmount()) !== amount) {
        if (performance.now() - started > 10_000) {
          throw new BenchFailure(`a price change was not in the store 10 s later`)
        }
      }
      times.push(performance.now() - started)
    }
  } finally {
    await setNgnPrice(original.amount)
  }
  return { changes: PRICE_CHANGES, max_ms: Math.round(Math.max(...times)), median_ms: Math.round(times.sort((a, b) => a - b)[2]) }
}

async function measure(label, env, paystack) {
  log(`${label}: starting the server`)
  const child = await startServer(env)
  try {
    const base = `http://127.0.0.1:${PORT}`
    const headers = { "x-publishable-api-key": publishableKey() }
    const { regions } = await json(`${base}/store/regions`, { headers })
    const region = regions.find((r) => r.currency_code === "ngn")
    const listingUrl = `${base}/store/products?region_id=${region.id}&limit=20`
    const { products } = await json(listingUrl, { headers })
    const product = products.find((p) => p.variants?.some((v) => v.calculated_price)) ?? products[0]
    const detailUrl = `${base}/store/products/${product.id}?region_id=${region.id}`
    const context = { regionId: region.id, variantId: null }

    const figures = {}
    for (const [name, url, requestHeaders] of [
      ["health", `${base}/health`, {}],
      ["listing", listingUrl, headers],
      ["detail", detailUrl, headers],
    ]) {
      figures[name] = await load(url, requestHeaders)
      log(`${label}: ${name} ${JSON.stringify(figures[name])}`)
    }
    // The product views just served are tracked after their responses; the checkout is timed on an idle server.
    figures.analytics_drain_ms = await analyticsDrained(base)
    log(`${label}: product views tracked ${figures.analytics_drain_ms} ms after the load`)
    context.variantId = await sellableVariant(base, headers, products, region.id, CHECKOUTS)
    const times = []
    for (let i = 0; i < CHECKOUTS; i++) {
      times.push(await checkout(base, headers, context, paystack))
    }
    times.sort((a, b) => a - b)
    figures.checkout = { runs: CHECKOUTS, median_ms: Math.round(times[Math.floor(times.length / 2)]), max_ms: Math.round(times[times.length - 1]) }
    figures.rss_mb = serverRssMb(child)
    if (env.STORE_CACHE === "on") {
      figures.price_change = await priceChangeVisibility(base, headers, detailUrl, product.id)
      log(`${label}: price change visible ${JSON.stringify(figures.price_change)}`)
    }

    if (SOAK_SECONDS && env.STORE_CACHE === "on") {
      log(`${label}: soak for ${SOAK_SECONDS} s`)
      const sample = async () => ({ rss_mb: serverRssMb(child), ...(await serverMetrics(base)) })
      const samples = [await sample()]
      const sampler = setInterval(() => void sample().then((s) => samples.push(s)), 10_000)
      await Promise.all([
        autocannon({ url: listingUrl, headers, connections: CONNECTIONS / 2, duration: SOAK_SECONDS }),
        autocannon({ url: detailUrl, headers, connections: CONNECTIONS / 2, duration: SOAK_SECONDS }),
      ])
      clearInterval(sampler)
      samples.push(await sample())
      figures.soak = { seconds: SOAK_SECONDS, samples }
    }
    return figures
  } finally {
    await stopServer(child)
  }
}

function report(off, on) {
  const row = (name, f) =>
    `${name.padEnd(9)} ${String(f.requests_per_second).padStart(7)} req/s  p50 ${String(f.p50_ms).padStart(4)} ms  p99 ${String(f.p99_ms).padStart(4)} ms`
  for (const [label, figures] of [
    ["Cache off (stock-equivalent: Medusa with its Redis Caching Module, and every middleware and subscriber of this project)", off],
    ["Cache on", on],
  ]) {
    process.stdout.write(`\n${label}\n`)
    for (const name of ["health", "listing", "detail"]) {
      process.stdout.write(`  ${row(name, figures[name])}\n`)
    }
    process.stdout.write(`  analytics drained ${figures.analytics_drain_ms} ms after the loads\n`)
    process.stdout.write(`  checkout  median ${figures.checkout.median_ms} ms, max ${figures.checkout.max_ms} ms (${figures.checkout.runs} runs)\n`)
    process.stdout.write(`  server RSS ${figures.rss_mb} MB\n`)
    if (figures.price_change) {
      const { changes, median_ms, max_ms } = figures.price_change
      process.stdout.write(`  admin price change in the store's next read: median ${median_ms} ms, max ${max_ms} ms (${changes} changes, admin call included)\n`)
    }
  }
  const share = (name) => Math.round((on[name].requests_per_second / on.health.requests_per_second) * 100)
  const checkoutSlowdown = Math.round((on.checkout.median_ms / off.checkout.median_ms - 1) * 100)
  process.stdout.write(
    `\nTargets (cache on): listing ${share("listing")}% and detail ${share("detail")}% of /health (>= 65%); ` +
      `p99 listing ${on.listing.p99_ms} ms, detail ${on.detail.p99_ms} ms (< 25 ms); ` +
      `checkout ${checkoutSlowdown >= 0 ? "+" : ""}${checkoutSlowdown}% against cache off (<= 10%); ` +
      `price change visible after at most ${on.price_change.max_ms} ms (< 1000 ms)\n`
  )
  if (on.soak) {
    const { samples } = on.soak
    const series = (name) => {
      const values = samples.map((sample) => sample[name])
      const thirds = [values.slice(0, Math.ceil(values.length / 3)), values.slice(-Math.ceil(values.length / 3))]
      const [first, last] = thirds.map((third) => Math.round(third.reduce((a, b) => a + b, 0) / third.length))
      return `${name} ${values[0]} -> ${values[values.length - 1]} MB (max ${Math.max(...values)}; mean of first third ${first}, of last third ${last})`
    }
    const end = samples[samples.length - 1]
    process.stdout.write(
      `Soak ${on.soak.seconds} s (listing and detail, 4 connections each), sampled every 10 s:\n` +
        `  ${series("rss_mb")}\n  ${series("heap_used_mb")}\n  ${series("heap_total_mb")}\n` +
        `  RSS each minute: ${samples.filter((_, i) => i % 6 === 0).map((s) => s.rss_mb).join(" ")} MB\n` +
        `  analytics events dropped under the load: ${end.analytics_dropped}\n`
    )
  }
}

/** The bench owns its Redis database: start each run without cached queries, responses or queued jobs. */
async function emptyRedis() {
  const Redis = require("ioredis")
  const redis = new Redis(REDIS_URL)
  await redis.flushdb()
  redis.disconnect()
}

async function main() {
  prepare()
  await emptyRedis()
  if (process.env.BENCH_PREPARE_ONLY === "1") {
    return
  }
  const paystack = await startFakePaystack({ secretKey: PAYSTACK_SECRET })
  const payments = { PAYSTACK_SECRET_KEY: PAYSTACK_SECRET, PAYSTACK_API_BASE: paystack.url }
  try {
    const off = await measure("cache off", { ...payments, STORE_CACHE: "off" }, paystack)
    const on = await measure("cache on", { ...payments, STORE_CACHE: "on" }, paystack)
    fs.mkdirSync(OUT, { recursive: true })
    fs.writeFileSync(path.join(OUT, "catalog.json"), JSON.stringify({ at: new Date().toISOString(), off, on }, null, 2))
    report(off, on)
  } finally {
    await paystack.close()
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error.stack ?? error}\n`)
    process.exit(1)
  }
)
