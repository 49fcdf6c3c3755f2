#!/usr/bin/env node
/**
 * Exercises `npm start` with no DATABASE_URL: embedded PostgreSQL, migrations,
 * seed, build, server. Checks /health, that store products carry NGN and USD
 * prices in the two regions, stops the server, then starts it again to show
 * the second start reuses the data. Prints its figures; exits non-zero on failure.
 */
const { spawn } = require("node:child_process")
const fs = require("node:fs")
const path = require("node:path")

const ROOT = path.resolve(__dirname, "..", "..")
const PORT = process.env.SMOKE_PORT || "9311"
const BASE = `http://localhost:${PORT}`
const BOOT_TIMEOUT_MS = 15 * 60 * 1000

function startStore() {
  const env = { ...process.env, PORT, EMBEDDED_POSTGRES_PORT: process.env.SMOKE_PG_PORT || "54331" }
  for (const name of ["DATABASE_URL", "REDIS_URL", "NODE_ENV", "DB_HOST"]) {
    delete env[name]
  }
  // What `npm start` runs, without npm in between: npm exits on SIGTERM before
  // the store has shut down, while start.js waits for the server and database.
  const child = spawn(process.execPath, ["scripts/start.js"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  })
  let output = ""
  const collect = (chunk) => {
    output += chunk
    process.stdout.write(chunk)
  }
  child.stdout.on("data", collect)
  child.stderr.on("data", collect)
  const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })))
  return { child, exited, output: () => output }
}

async function waitForHealth(store) {
  const deadline = Date.now() + BOOT_TIMEOUT_MS
  let exited = false
  store.exited.then(() => (exited = true))
  while (Date.now() < deadline && !exited) {
    const ok = await fetch(`${BASE}/health`).then((r) => r.ok, () => false)
    if (ok) {
      return
    }
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
  throw new Error(exited ? "npm start exited before /health answered" : "timed out waiting for /health")
}

async function checkPrices() {
  const { publishable_key: key } = JSON.parse(fs.readFileSync(path.join(ROOT, ".data", "seed-output.json"), "utf8"))
  const headers = { "x-publishable-api-key": key }
  const get = async (url) => {
    const response = await fetch(`${BASE}${url}`, { headers })
    if (!response.ok) {
      throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`)
    }
    return response.json()
  }
  const { regions } = await get("/store/regions")
  const summary = {}
  for (const [name, currency] of [["Nigeria", "ngn"], ["International", "usd"]]) {
    const region = regions.find((r) => r.name === name)
    if (!region) {
      throw new Error(`region ${name} missing`)
    }
    const { products, count } = await get(
      `/store/products?region_id=${region.id}&limit=100&fields=handle,*variants.calculated_price`
    )
    const variants = products.flatMap((p) => p.variants)
    const priced = variants.filter(
      (v) => v.calculated_price?.currency_code === currency && v.calculated_price.calculated_amount > 0
    )
    if (!count || priced.length !== variants.length) {
      throw new Error(`${name}: ${priced.length}/${variants.length} variants priced in ${currency}`)
    }
    summary[name] = { products: count, variants_priced: priced.length, currency }
  }
  return summary
}

async function stop(store) {
  process.kill(store.child.pid, "SIGTERM")
  const { code, signal } = await store.exited
  const answering = await fetch(`${BASE}/health`).then(() => true, () => false)
  if (answering) {
    throw new Error("server still answering after start.js exited")
  }
  return code ?? signal
}

async function run(label) {
  const started = Date.now()
  const store = startStore()
  try {
    await waitForHealth(store)
    const bootMs = Date.now() - started
    const prices = await checkPrices()
    const exit = await stop(store)
    return { label, boot_ms: bootMs, prices, exit }
  } catch (error) {
    process.kill(-store.child.pid, "SIGTERM")
    await store.exited
    throw error
  }
}

async function main() {
  const first = await run("first start")
  const second = await run("second start")
  process.stdout.write(`\n[smoke] ${JSON.stringify(first)}\n[smoke] ${JSON.stringify(second)}\n`)
  process.stdout.write("[smoke] embedded start: 1 passed, 0 failed\n")
}

main().catch((error) => {
  process.stderr.write(`[smoke] FAILED: ${error.stack ?? error}\n`)
  process.exit(1)
})
