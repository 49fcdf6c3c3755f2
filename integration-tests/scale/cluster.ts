import { ChildProcess, spawn } from "node:child_process"
import { randomBytes } from "node:crypto"
import { createWriteStream, mkdirSync, WriteStream } from "node:fs"
import { createServer } from "node:net"
import path from "node:path"
import { Client } from "pg"

/**
 * Child processes and databases for the scale-out harness (`npm run test:scale`):
 * the built app (`medusa build`, copied to `SCALE_SERVER_DIR`) started as
 * separate server and worker processes, exactly as the Deploy section runs it.
 */

export const ROOT = path.resolve(__dirname, "..", "..")
const MEDUSA_CLI = path.join(ROOT, "node_modules", "@medusajs", "cli", "cli.js")
export const LOG_DIR = path.join(ROOT, ".data", "scale", "logs")

/** Milliseconds since `start`, for the timings the harness prints. */
export const since = (start: number) => Date.now() - start

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

/** A secret long enough for production's check (at least 32 characters). */
export const randomSecret = () => randomBytes(36).toString("base64url")

/**
 * The variables a child gets from the harness's own environment: only what a
 * process needs to run, so a developer's shell (PAYSTACK_*, NODE_ENV=test, ...)
 * cannot leak into the app under test.
 */
export function baseEnv(): Record<string, string> {
  const keep = ["PATH", "HOME", "TMPDIR", "LANG", "TZ"]
  return Object.fromEntries(keep.flatMap((name) => (process.env[name] ? [[name, process.env[name] as string]] : [])))
}

type Exit = { code: number | null; signal: NodeJS.Signals | null }

/** One `medusa` process started from the built server folder, with its output kept. */
export class MedusaProcess {
  readonly exited: Promise<Exit>
  private output = ""
  private readonly logFile: WriteStream
  private exit?: Exit

  constructor(
    readonly name: string,
    readonly child: ChildProcess,
    readonly port: number | undefined,
    readonly logPath: string
  ) {
    this.logFile = createWriteStream(logPath)
    const collect = (chunk: Buffer) => {
      this.output += chunk.toString()
      this.logFile.write(chunk)
    }
    child.stdout?.on("data", collect)
    child.stderr?.on("data", collect)
    this.exited = new Promise((resolve) =>
      child.on("exit", (code, signal) => {
        this.exit = { code, signal }
        this.logFile.end()
        resolve(this.exit)
      })
    )
  }

  get url() {
    return `http://127.0.0.1:${this.port}`
  }

  get running() {
    return !this.exit
  }

  /** Everything the process wrote to stdout and stderr so far. */
  log() {
    return this.output
  }

  /** The last lines of output, for error messages. */
  tail(lines = 40) {
    return this.output.split("\n").slice(-lines).join("\n")
  }

  /** Polls `/health` until it answers 200; fails if the process exits first. */
  async waitUntilHealthy(timeoutMs = 5 * 60_000) {
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      if (this.exit) {
        throw new Error(`${this.name} exited (${JSON.stringify(this.exit)}) before /health answered:\n${this.tail()}`)
      }
      const ok = await fetch(`${this.url}/health`).then(
        (response) => response.ok,
        () => false
      )
      if (ok) {
        return
      }
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
    throw new Error(`${this.name}: /health did not answer within ${timeoutMs} ms:\n${this.tail()}`)
  }

  /** Sends SIGTERM (what Docker, Kubernetes and `npm start` send) and waits for the exit. */
  async terminate(): Promise<Exit> {
    if (this.running) {
      this.child.kill("SIGTERM")
    }
    return this.exited
  }

  /** Last resort for cleanup after a failure: SIGKILL when SIGTERM did not end it in time. */
  async stop(graceMs = 60_000): Promise<Exit> {
    if (!this.running) {
      return this.exited
    }
    this.child.kill("SIGTERM")
    const timer = setTimeout(() => this.child.kill("SIGKILL"), graceMs)
    const exit = await this.exited
    clearTimeout(timer)
    return exit
  }
}

/** Starts `medusa <args>` in `dir` (the built server) with exactly `env`. */
export function startMedusa(name: string, dir: string, args: string[], env: Record<string, string>): MedusaProcess {
  mkdirSync(LOG_DIR, { recursive: true })
  const child = spawn(process.execPath, [MEDUSA_CLI, ...args], {
    cwd: dir,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  })
  const port = env.PORT ? Number(env.PORT) : undefined
  return new MedusaProcess(name, child, port, path.join(LOG_DIR, `${name}.log`))
}

/** Runs a one-off `medusa` command (db:migrate, exec) to completion; throws with its output on failure. */
export async function runMedusa(name: string, dir: string, args: string[], env: Record<string, string>) {
  const run = startMedusa(name, dir, args, env)
  const { code, signal } = await run.exited
  if (code !== 0) {
    throw new Error(`medusa ${args.join(" ")} exited with ${signal ?? code}:\n${run.tail()}`)
  }
  return run
}

export type PgServer = { host: string; port: number; user: string; password: string }

/** The PostgreSQL server `npm test` would use: DB_HOST and friends (set by the harness for the embedded one). */
export function pgServerFromEnv(): PgServer {
  if (!process.env.DB_HOST) {
    throw new Error("DB_HOST is not set: run the harness with `npm run test:scale`")
  }
  return {
    host: process.env.DB_HOST,
    port: Number(process.env.DB_PORT || 5432),
    user: process.env.DB_USERNAME || "postgres",
    password: process.env.DB_PASSWORD || "",
  }
}

export function databaseUrl(server: PgServer, database: string) {
  const auth = server.password
    ? `${encodeURIComponent(server.user)}:${encodeURIComponent(server.password)}`
    : encodeURIComponent(server.user)
  return `postgres://${auth}@${server.host}:${server.port}/${database}`
}

async function withAdminClient<T>(server: PgServer, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ ...server, database: "postgres" })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/** Creates an empty database (name made of [a-z0-9_] by the caller). */
export const createDatabase = (server: PgServer, name: string) =>
  withAdminClient(server, (client) => client.query(`CREATE DATABASE "${name}"`))

export const dropDatabase = (server: PgServer, name: string) =>
  withAdminClient(server, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))
