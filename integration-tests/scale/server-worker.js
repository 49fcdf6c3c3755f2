#!/usr/bin/env node
/**
 * `npm run test:scale`: the production shape on one machine. Builds the app
 * once (`medusa build`; `--reuse-build` takes the .medusa/server that
 * `npm run test:start` just built instead), copies the build to
 * .data/scale/server (so a rebuild elsewhere cannot change it mid-run), then runs
 * integration-tests/scale/server-worker.spec.ts, which starts two
 * MEDUSA_WORKER_MODE=server processes and one MEDUSA_WORKER_MODE=worker
 * process from that build on a fresh database and a Redis database of its own.
 *
 * PostgreSQL: DB_HOST (+ DB_USERNAME, DB_PASSWORD, DB_PORT) as for `npm test`;
 * unset, an embedded PostgreSQL under .data/scale. Redis: SCALE_REDIS_URL,
 * default redis://127.0.0.1:6379/14 (emptied at the start). Prints timings;
 * exits non-zero on any failure.
 */
const { spawn } = require("node:child_process")
const fs = require("node:fs")
const path = require("node:path")
const { startEmbeddedPostgres } = require("../../scripts/lib/embedded-postgres")

const ROOT = path.resolve(__dirname, "..", "..")
const SCALE_DIR = path.join(ROOT, ".data", "scale")
const SERVER_DIR = path.join(SCALE_DIR, "server")
const bin = (name) => path.join(ROOT, "node_modules", ".bin", name)

function log(message) {
  process.stdout.write(`[scale] ${message}\n`)
}

function run(command, args, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: "inherit" })
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)))
  })
}

/** `medusa build` (unless reused), then a private copy of .medusa/server with data/ beside it (as in the Dockerfile). */
async function build() {
  const built = path.join(ROOT, ".medusa", "server")
  if (process.argv.includes("--reuse-build") && fs.existsSync(path.join(built, "medusa-config.js"))) {
    log("--reuse-build: using the existing .medusa/server")
  } else {
    const code = await run(bin("medusa"), ["build"])
    if (code !== 0) {
      throw new Error(`medusa build exited with ${code}`)
    }
  }
  fs.rmSync(SERVER_DIR, { recursive: true, force: true })
  fs.cpSync(built, SERVER_DIR, { recursive: true })
  fs.cpSync(path.join(ROOT, "data"), path.join(SERVER_DIR, "data"), { recursive: true })
}

async function main() {
  const timings = {}
  let started = Date.now()
  await build()
  timings.build_ms = Date.now() - started

  let database
  if (!process.env.DB_HOST) {
    started = Date.now()
    const port = Number(process.env.SCALE_PG_PORT || 54332)
    log(`No DB_HOST: embedded PostgreSQL on localhost:${port}`)
    database = await startEmbeddedPostgres({ dataDir: SCALE_DIR, port })
    Object.assign(process.env, {
      DB_HOST: database.host,
      DB_PORT: String(database.port),
      DB_USERNAME: database.user,
      DB_PASSWORD: database.password,
    })
    timings.embedded_postgres_ms = Date.now() - started
  }

  started = Date.now()
  let code
  try {
    code = await run(
      bin("jest"),
      ["--config", path.join(__dirname, "jest.config.js"), "--runInBand", "--forceExit", "--verbose"],
      { ...process.env, SCALE_SERVER_DIR: SERVER_DIR }
    )
  } finally {
    await database?.stop()
  }
  timings.harness_ms = Date.now() - started
  log(`timings ${JSON.stringify(timings)}`)
  log(code === 0 ? "server + worker split: passed" : "server + worker split: FAILED")
  // Explicit: embedded-postgres's exit hook (async-exit-hook) turns `beforeExit` into exit code 0.
  process.exit(code === 0 ? 0 : 1)
}

main().catch((error) => {
  process.stderr.write(`[scale] FAILED: ${error.stack ?? error}\n`)
  process.exit(1)
})
