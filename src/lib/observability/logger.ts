import type { Logger } from "@medusajs/framework/types"
import type { Env } from "../../config/env"
import { randomUUID } from "node:crypto"
import { format } from "node:util"
import pino, { DestinationStream, Logger as Pino } from "pino"
import { isSecretKey, redactForLog } from "../../modules/activity/redact"
import { requestContext } from "./request-context"

/**
 * Medusa's level names (npm's) on pino's scale: `LOG_LEVEL=http` (the default,
 * as in Medusa) logs requests and everything more severe.
 */
const CUSTOM_LEVELS = { silly: 5, verbose: 22, http: 25 }

export type LogLevel = Env["LOG_LEVEL"]

export type LoggerSettings = Pick<Env, "NODE_ENV" | "LOG_LEVEL"> & Partial<Pick<Env, "LOG_FILE">>

/** One line per answered request, written by the HTTP observer. */
export type RequestLogLine = {
  request_id: string
  method: string
  route: string
  /** Without the query string, which may hold tokens. */
  path: string
  status: number
  duration_ms: number
  actor_type?: string
  actor_id?: string
}

/**
 * Secret-looking fields become "[redacted]" and personal ones "[personal]"
 * (the activity log's rules); errors keep their message and stack.
 */
function redactFields(fields: Record<string, unknown>): Record<string, unknown> {
  const errors = Object.entries(fields).filter(([key, value]) => value instanceof Error && !isSecretKey(key))
  return { ...(redactForLog(fields) as Record<string, unknown>), ...Object.fromEntries(errors) }
}

/**
 * Medusa's `Logger` on pino: JSON lines (ISO time, level name, `request_id`
 * of the request being handled) outside development, pino-pretty in
 * development. Registered as the application logger in `medusa-config.ts`, so
 * every module, workflow, subscriber and job logs through it.
 */
export class PinoLogger implements Logger {
  private readonly activities = new Map<string, number>()

  constructor(
    readonly pino: Pino<keyof typeof CUSTOM_LEVELS>,
    private readonly level: LogLevel,
    private readonly requestLogs: boolean
  ) {}

  panic(data: unknown): void {
    this.pino.fatal({ details: data }, "panic")
    process.exit(1)
  }

  /**
   * `http` is answered false on purpose: Medusa's own request log (morgan) asks
   * this before each line, and its line has the raw URL with the query
   * (order-tracking and unsubscribe tokens) and no actor or route. The HTTP
   * observer writes the request line instead (`requestLine`).
   */
  shouldLog(level: string): boolean {
    return level !== "http" && this.pino.isLevelEnabled(level)
  }

  setLogLevel(level: string): void {
    this.pino.level = level
  }

  unsetLogLevel(): void {
    this.pino.level = this.level
  }

  activity(message: string, config?: unknown): string {
    const id = randomUUID()
    this.activities.set(id, Date.now())
    this.pino.info({ activity_id: id, ...(config && typeof config === "object" ? { config } : {}) }, message)
    return id
  }

  progress(activityId: string, message: string): void {
    this.pino.info({ activity_id: activityId }, message)
  }

  private finish(activityId: string) {
    const start = this.activities.get(activityId)
    this.activities.delete(activityId)
    return start === undefined ? {} : { activity_id: activityId, duration: Date.now() - start }
  }

  failure(activityId: string, message: string): unknown {
    const done = this.finish(activityId)
    this.pino.error(done, message)
    return done
  }

  success(activityId: string, message: string): Record<string, unknown> {
    const done = this.finish(activityId)
    this.pino.info(done, message)
    return done
  }

  error(messageOrError: string | Error, error?: Error): void {
    if (messageOrError instanceof Error) {
      this.pino.error({ err: messageOrError }, messageOrError.message)
    } else if (error) {
      this.pino.error({ err: error }, `${messageOrError}: ${error.message}`)
    } else {
      this.pino.error(messageOrError)
    }
  }

  silly(message: string): void {
    this.pino.silly(message)
  }

  debug(message: string): void {
    this.pino.debug(message)
  }

  verbose(message: string): void {
    this.pino.verbose(message)
  }

  http(message: string): void {
    this.pino.http(message)
  }

  info(message: string): void {
    this.pino.info(message)
  }

  warn(message: string): void {
    this.pino.warn(message)
  }

  /** `log(message)` at info, or `log(level, message, ...)` as winston takes it. */
  log(...args: unknown[]): void {
    const [first, ...rest] = args
    if (typeof first === "string" && rest.length && this.pino.levels.values[first] !== undefined) {
      this.pino[first as LogLevel](format(...rest))
      return
    }
    this.pino.info(format(...args))
  }

  /** The one line for an answered request (none under NODE_ENV=test, as Medusa does). */
  requestLine(line: RequestLogLine): void {
    if (this.requestLogs) {
      this.pino.http(line, `${line.method} ${line.route} ${line.status}`)
    }
  }
}

/** pino-pretty's stream, loaded only in development. */
function prettyStream(): DestinationStream {
  const { build } = require("pino-pretty") as typeof import("pino-pretty")
  return build({
    colorize: true,
    sync: true,
    translateTime: "SYS:HH:MM:ss.l",
    ignore: "pid,hostname",
    customLevels: CUSTOM_LEVELS,
    useOnlyCustomProps: false,
  })
}

/** The application logger for `settings`; `destination` replaces stdout (tests). */
export function createLogger(settings: LoggerSettings, destination?: DestinationStream): PinoLogger {
  const development = settings.NODE_ENV.startsWith("dev")
  const streams: pino.StreamEntry<keyof typeof CUSTOM_LEVELS>[] = [
    { level: "silly", stream: destination ?? (development ? prettyStream() : pino.destination({ fd: 1, sync: true })) },
  ]
  if (settings.LOG_FILE) {
    streams.push({ level: "silly", stream: pino.destination({ dest: settings.LOG_FILE, mkdir: true, sync: false }) })
  }
  const instance = pino<keyof typeof CUSTOM_LEVELS>(
    {
      level: settings.LOG_LEVEL,
      customLevels: CUSTOM_LEVELS,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: redactFields,
      },
      mixin: () => {
        const context = requestContext.getStore()
        return context ? { request_id: context.request_id } : {}
      },
    },
    pino.multistream(streams, { levels: { ...pino.levels.values, ...CUSTOM_LEVELS } })
  )
  return new PinoLogger(instance, settings.LOG_LEVEL, settings.NODE_ENV !== "test")
}

let appLogger: PinoLogger | undefined

/** This process's application logger, created on first use from `settings` (`destination`: tests). */
export function applicationLogger(settings: LoggerSettings, destination?: DestinationStream): PinoLogger {
  appLogger ??= createLogger(settings, destination)
  return appLogger
}

/** The application logger if `medusa-config.ts` created one in this process. */
export const currentApplicationLogger = (): PinoLogger | undefined => appLogger
