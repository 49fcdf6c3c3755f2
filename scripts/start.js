#!/usr/bin/env node
/**
 * `npm start`: one command from a fresh clone to a running store.
 *   no DATABASE_URL -> embedded PostgreSQL under .data/ (started here, stopped on exit)
 *   then migrations, the idempotent seed (store, FX defaults, admin, catalog),
 *   `medusa build` and `medusa start` from .medusa/server.
 * Each step is skipped when its inputs have not changed since it last ran
 * against the same database, so a second start takes seconds.
 *
 * Flags: --develop (medusa develop from the root), --migrate-only, --seed-only.
 */
const { spawn } = require("node:child_process")
const crypto = require("node:crypto")
const fs = require("node:fs")
const path = require("node:path")
const { loadEnv } = require("@medusajs/framework/utils")
const { startEmbeddedPostgres } = require("./lib/embedded-postgres")

const ROOT = path.resolve(__dirname, "..")
const DATA_DIR = path.join(ROOT, ".data")
const flags = new Set(process.argv.slice(2))
const medusaBin = path.join(ROOT, "node_modules", ".bin", "medusa")

function log(message) {
  process.stdout.write(`[start] ${message}\n`)
}

function fingerprint(paths) {
  const hash = crypto.createHash("sha256")
  const visit = (entry) => {
    if (!fs.existsSync(entry)) {
      return
    }
    const stat = fs.statSync(entry)
    if (stat.isDirectory()) {
      for (const child of fs.readdirSync(entry).sort()) {
        if (!["node_modules", "__tests__"].includes(child)) {
          visit(path.join(entry, child))
        }
      }
      return
    }
    hash.update(path.relative(ROOT, entry))
    hash.update(fs.readFileSync(entry))
  }
  paths.forEach((p) => visit(path.join(ROOT, p)))
  return hash.digest("hex")
}

function run(args, { cwd = ROOT, env = process.env } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(medusaBin, args, { cwd, env, stdio: "inherit" })
    child.on("error", reject)
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`medusa ${args[0]} exited with ${signal ?? code}`))
    )
  })
}

function stateFileFor(databaseUrl) {
  const key = crypto.createHash("sha256").update(databaseUrl).digest("hex").slice(0, 16)
  return path.join(DATA_DIR, "state", `${key}.json`)
}

function readState(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"))
  } catch {
    return {}
  }
}

function writeState(file, state) {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, JSON.stringify(state, null, 2))
}

let database

/** JWT and cookie secrets for the trial, made once and kept in .data/ (git-ignored). */
function localSecrets() {
  const file = path.join(DATA_DIR, "secrets.json")
  let secrets
  try {
    secrets = JSON.parse(fs.readFileSync(file, "utf8"))
  } catch {
    secrets = {
      JWT_SECRET: crypto.randomBytes(36).toString("base64url"),
      COOKIE_SECRET: crypto.randomBytes(36).toString("base64url"),
    }
  }
  if (!secrets.AUTH_MFA_ENCRYPTION_KEY) {
    // Added after the first secrets: a trial made before it gets one now.
    secrets.AUTH_MFA_ENCRYPTION_KEY = crypto.randomBytes(36).toString("base64url")
    fs.mkdirSync(DATA_DIR, { recursive: true })
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 })
  }
  return {
    JWT_SECRET: process.env.JWT_SECRET || secrets.JWT_SECRET,
    COOKIE_SECRET: process.env.COOKIE_SECRET || secrets.COOKIE_SECRET,
    AUTH_MFA_ENCRYPTION_KEY: process.env.AUTH_MFA_ENCRYPTION_KEY || secrets.AUTH_MFA_ENCRYPTION_KEY,
  }
}

async function stopDatabase() {
  if (database) {
    const db = database
    database = undefined
    await db.stop()
  }
}

async function main() {
  loadEnv(process.env.NODE_ENV || "development", ROOT)
  if (!process.env.DATABASE_URL) {
    // The zero-setup trial: a production build and server (the dashboard is served
    // built, with its extensions), local secrets, and payment keys optional.
    Object.assign(process.env, { LOCAL_TRIAL: "true", ...localSecrets() })
    const port = Number(process.env.EMBEDDED_POSTGRES_PORT || 54329)
    log(`No DATABASE_URL: starting embedded PostgreSQL on localhost:${port} (data in .data/pg)`)
    database = await startEmbeddedPostgres({ dataDir: DATA_DIR, port })
    await database.createDatabase("medusa")
    process.env.DATABASE_URL = database.url("medusa")
  }
  const stateFile = stateFileFor(process.env.DATABASE_URL)
  const state = readState(stateFile)
  const migrations = fingerprint(["package-lock.json", "src/modules", "src/links", "medusa-config.ts"])
  if (state.migrations !== migrations) {
    log("Running migrations")
    await run(["db:migrate"])
    state.migrations = migrations
    writeState(stateFile, state)
  }
  if (flags.has("--migrate-only")) {
    return stopDatabase()
  }

  const seedInputs = fingerprint(["data/catalog.json", "data/fx-defaults.json", "src/scripts/seed.ts", "src/lib", "src/workflows"])
  const seedKey = `${seedInputs}:${process.env.ADMIN_EMAIL ?? ""}`
  if (state.seed !== seedKey || flags.has("--seed-only")) {
    log("Seeding store setup, FX defaults, admin user and catalog")
    const output = path.join(DATA_DIR, "seed-output.json")
    fs.mkdirSync(DATA_DIR, { recursive: true })
    await run(["exec", "./src/scripts/seed.ts", "data/catalog.json", output])
    state.publishable_key = JSON.parse(fs.readFileSync(output, "utf8")).publishable_key
    state.seed = seedKey
    writeState(stateFile, state)
  }
  if (flags.has("--seed-only")) {
    return stopDatabase()
  }

  let serverDir = ROOT
  let command = ["develop"]
  if (!flags.has("--develop")) {
    const build = fingerprint(["package-lock.json", "src", "medusa-config.ts", "tsconfig.json", "instrumentation.ts"])
    serverDir = path.join(ROOT, ".medusa", "server")
    if (state.build !== build || !fs.existsSync(path.join(serverDir, "medusa-config.js"))) {
      log("Building the server and admin dashboard (medusa build)")
      await run(["build"])
      state.build = build
      writeState(stateFile, state)
    }
    command = ["start"]
  }

  const port = process.env.PORT || "9000"
  log(`Store API    http://localhost:${port}/store  (publishable key ${state.publishable_key})`)
  log(`Admin        http://localhost:${port}/app`)
  const child = spawn(medusaBin, command, { cwd: serverDir, env: process.env, stdio: "inherit" })
  const forward = (signal) => child.kill(signal)
  process.on("SIGINT", forward)
  process.on("SIGTERM", forward)
  const code = await new Promise((resolve) => child.on("exit", (c, s) => resolve(c ?? (s ? 0 : 1))))
  await stopDatabase()
  // Explicit: embedded-postgres's exit hook turns `beforeExit` into exit code 0.
  process.exit(code)
}

main().catch(async (error) => {
  process.stderr.write(`[start] ${error.stack ?? error}\n`)
  await stopDatabase().catch(() => undefined)
  process.exit(1)
})
