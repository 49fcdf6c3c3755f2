const path = require("node:path")
const { startEmbeddedPostgres } = require("../../scripts/lib/embedded-postgres")

const ROOT = path.resolve(__dirname, "..", "..")

/**
 * The PostgreSQL server a bench uses: the machine's (DATABASE_URL or DB_*) or,
 * with neither, an embedded one under .data/bench (returned as `embedded` to stop).
 */
async function databaseServer(log) {
  if (process.env.DATABASE_URL) {
    return { url: new URL(process.env.DATABASE_URL) }
  }
  if (process.env.DB_HOST) {
    const url = new URL("postgres://localhost")
    url.hostname = process.env.DB_HOST
    url.port = process.env.DB_PORT || "5432"
    url.username = process.env.DB_USERNAME || "postgres"
    url.password = process.env.DB_PASSWORD || ""
    return { url }
  }
  const port = Number(process.env.EMBEDDED_POSTGRES_BENCH_PORT || 54331)
  log(`No DATABASE_URL or DB_HOST: embedded PostgreSQL on localhost:${port} (data in .data/bench)`)
  const embedded = await startEmbeddedPostgres({ dataDir: path.join(ROOT, ".data", "bench"), port })
  return { url: new URL(embedded.url("postgres")), embedded }
}

/** The same server's URL for another database. */
const withDatabase = (url, name) => {
  const copy = new URL(url)
  copy.pathname = `/${name}`
  return copy.toString()
}

module.exports = { databaseServer, withDatabase }
