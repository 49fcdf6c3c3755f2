#!/usr/bin/env node
/**
 * How fast one `process-broadcast` run delivers an email broadcast to every
 * customer, with no rate cap, and how much memory the sending process takes.
 *
 *   node bench/broadcast.js                      # 100,000 recipients
 *   node bench/broadcast.js --recipients 5000    # a quick check
 *   DB_HOST=localhost DB_USERNAME=postgres node bench/broadcast.js
 *
 * Creates a fresh database (on DATABASE_URL's or DB_HOST's server, else on an
 * embedded PostgreSQL under .data/bench), runs `medusa db:migrate`, starts the
 * Resend fake in this process and points the app at it (RESEND_API_KEY,
 * RESEND_API_BASE, BROADCAST_EMAIL_PER_SECOND=0), then `medusa exec`s
 * src/scripts/bench-broadcast.ts, which inserts the customers, creates a
 * broadcast to everyone, sets it `sending` and runs the workflow once. The
 * database is dropped afterwards. The app's output goes to
 * bench/out/broadcast.log, its figures to bench/out/broadcast.json.
 *
 * Prints recipients, emails the fake received, listing and sending time,
 * messages/second and the sending process's peak RSS and heap. Exits 1 unless
 * every recipient got exactly one email.
 */
require("ts-node/register")

const fs = require("node:fs")
const path = require("node:path")
const { Client } = require("pg")
const { databaseServer, withDatabase } = require("./lib/database")
const { medusa: medusaCli, quoteIdent, runBench } = require("./lib/medusa-cli")
const { startFakeResend } = require("../integration-tests/fakes/resend")

const ROOT = path.resolve(__dirname, "..")
const OUT_DIR = path.join(ROOT, "bench", "out")
const LOG_FILE = path.join(OUT_DIR, "broadcast.log")
const medusa = (args, env) => medusaCli(args, env, LOG_FILE)
const RESULT_FILE = path.join(OUT_DIR, "broadcast.json")
const RESEND_KEY = "re_bench_fake_key"
const DEFAULT_RECIPIENTS = 100_000

function recipientsArg(argv) {
  const index = argv.indexOf("--recipients")
  if (index === -1) {
    return DEFAULT_RECIPIENTS
  }
  const value = Number(argv[index + 1])
  if (!Number.isInteger(value) || value < 1) {
    process.stderr.write("usage: node bench/broadcast.js [--recipients N]\n")
    process.exit(2)
  }
  return value
}

const log = (message) => process.stdout.write(`[bench] ${message}\n`)


async function admin(url, sql) {
  const client = new Client({ connectionString: withDatabase(url, "postgres") })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

const count = (value) => Math.round(value).toLocaleString("en-US")
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`
const mb = (bytes) => `${count(bytes / 2 ** 20)} MB`

function report(recipients, figures, fake) {
  const delivered = fake.emails.length
  const distinct = fake.uniqueRecipientCount()
  const calls = fake.requests.filter((req) => req.path === "/emails/batch").length
  const { queued, sent, failed, skipped, total } = figures.recipients
  const perSecond = figures.sending_ms > 0 ? (delivered / figures.sending_ms) * 1000 : 0
  const lines = [
    `broadcast email to ${count(recipients)} customers, no rate cap, node ${process.version}`,
    `customers    ${count(recipients)} inserted in ${seconds(figures.seed_ms)}`,
    `recipients   ${count(total)} listed: ${count(sent)} sent, ${count(failed)} failed, ` +
      `${count(skipped)} skipped, ${count(queued)} queued; broadcast ${figures.status}`,
    `delivered    ${count(delivered)} emails to the Resend fake (${count(distinct)} addresses) ` +
      `in ${count(calls)} batch calls`,
    `listing      ${seconds(figures.listing_ms)}`,
    `sending      ${seconds(figures.sending_ms)}`,
    `throughput   ${count(perSecond)} messages/s`,
    `peak RSS     ${mb(figures.max_rss_bytes)} (sending process; ${mb(figures.max_rss_before_run_bytes)} ` +
      `before the run, RSS then ${mb(figures.rss_before_run_bytes)})`,
    `peak heap    ${mb(figures.peak_heap_used_bytes)} used (${mb(figures.heap_used_before_run_bytes)} ` +
      `before the run; limit ${mb(figures.heap_size_limit_bytes)})`,
  ]
  process.stdout.write(`${lines.join("\n")}\n`)

  const problems = []
  if (delivered !== recipients || distinct !== recipients) {
    problems.push(
      `the fake received ${count(delivered)} emails for ${count(distinct)} addresses, expected ${count(recipients)}`
    )
  }
  if (sent !== recipients || total !== recipients) {
    problems.push(`${count(sent)} of ${count(total)} recipient rows are sent, expected ${count(recipients)}`)
  }
  if (figures.status !== "sent") {
    problems.push(`the broadcast is ${figures.status}, expected sent`)
  }
  for (const problem of problems) {
    process.stderr.write(`ERROR: ${problem}\n`)
  }
  return problems.length === 0
}

async function main() {
  const recipients = recipientsArg(process.argv.slice(2))
  fs.mkdirSync(OUT_DIR, { recursive: true })
  fs.writeFileSync(LOG_FILE, "")
  fs.rmSync(RESULT_FILE, { force: true })

  const server = await databaseServer(log)
  const name = `bench_broadcast_${process.pid}`
  let created = false
  const fake = await startFakeResend({ apiKey: RESEND_KEY })
  try {
    await admin(server.url, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`)
    await admin(server.url, `CREATE DATABASE ${quoteIdent(name)}`)
    created = true
    const env = {
      ...process.env,
      DATABASE_URL: withDatabase(server.url, name),
      RESEND_API_KEY: RESEND_KEY,
      RESEND_API_BASE: fake.url,
      EMAIL_FROM: "Bench Store <no-reply@store.test>",
      BROADCAST_EMAIL_PER_SECOND: "0",
    }
    log(`Database ${name}: running migrations (output in ${path.relative(ROOT, LOG_FILE)})`)
    await medusa(["db:migrate"], env)
    log(`Inserting ${count(recipients)} customers and sending the broadcast`)
    await medusa(["exec", "./src/scripts/bench-broadcast.ts", RESULT_FILE, String(recipients)], env)
    const figures = JSON.parse(fs.readFileSync(RESULT_FILE, "utf8"))
    process.exitCode = report(recipients, figures, fake) ? 0 : 1
  } finally {
    await fake.close()
    if (created) {
      await admin(server.url, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`).catch((error) =>
        process.stderr.write(`[bench] could not drop database ${name}: ${error.message}\n`)
      )
    }
    await server.embedded?.stop()
  }
}

runBench(main)
