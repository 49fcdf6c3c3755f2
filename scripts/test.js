#!/usr/bin/env node
/**
 * `npm test`: unit tests, then the HTTP integration specs (each boots the app).
 * With DB_HOST set, the specs use that PostgreSQL (DB_USERNAME, DB_PASSWORD,
 * DB_PORT); otherwise an embedded PostgreSQL is started under .data/test
 * and stopped at the end (only when integration specs run). `--unit` or
 * `--integration` runs one kind. REDIS_URL, when set, switches the app under test to
 * Medusa's Redis modules. Extra arguments go to jest (e.g. a spec path).
 */
const { spawn } = require("node:child_process")
const path = require("node:path")
const { startEmbeddedPostgres } = require("./lib/embedded-postgres")

const ROOT = path.resolve(__dirname, "..")
const ONLY = { "--unit": ["unit"], "--integration": ["integration:http"] }
const onlyFlag = process.argv.slice(2).find((arg) => Object.hasOwn(ONLY, arg))
const testTypes = onlyFlag ? ONLY[onlyFlag] : ["unit", "integration:http"]
const extraArgs = process.argv.slice(2).filter((arg) => !Object.hasOwn(ONLY, arg))

function jest(testType) {
  return new Promise((resolve) => {
    const child = spawn(
      path.join(ROOT, "node_modules", ".bin", "jest"),
      ["--runInBand", "--forceExit", "--passWithNoTests", ...extraArgs],
      {
        cwd: ROOT,
        stdio: "inherit",
        env: {
          ...process.env,
          TEST_TYPE: testType,
          NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --experimental-vm-modules`.trim(),
        },
      }
    )
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)))
  })
}

async function main() {
  let database
  if (!process.env.DB_HOST && testTypes.includes("integration:http")) {
    const port = Number(process.env.EMBEDDED_POSTGRES_TEST_PORT || 54330)
    process.stdout.write(`[test] No DB_HOST: embedded PostgreSQL on localhost:${port}\n`)
    database = await startEmbeddedPostgres({ dataDir: path.join(ROOT, ".data", "test"), port })
    Object.assign(process.env, {
      DB_HOST: database.host,
      DB_PORT: String(database.port),
      DB_USERNAME: database.user,
      DB_PASSWORD: database.password,
    })
  }
  let failed = 0
  try {
    for (const type of testTypes) {
      process.stdout.write(`[test] ${type}\n`)
      failed += (await jest(type)) === 0 ? 0 : 1
    }
  } finally {
    await database?.stop()
  }
  // Explicit: embedded-postgres's exit hook (async-exit-hook) turns `beforeExit` into exit code 0.
  process.exit(failed ? 1 : 0)
}

main().catch((error) => {
  process.stderr.write(`[test] ${error.stack ?? error}\n`)
  process.exit(1)
})
