import { Logger } from "@medusajs/framework/types"
import Redis from "ioredis"
import { CachedResponse, MemoryResponseStore, RedisResponseStore, ResponseStore } from "./stores"

export type StoreCacheOptions = {
  /** Shared by all server processes when set; else each process keeps its own. */
  redisUrl?: string
  /** Safety net: an entry lives at most this long even if an invalidation were lost. */
  ttlSeconds?: number
  /** Turn the cache off (every read goes to Medusa), e.g. to measure stock behaviour. */
  disabled?: boolean
}

/**
 * The response cache behind the public store reads (see
 * src/api/store/response-cache.ts). Never in the way: if its store fails, a
 * read is a miss and nothing is saved.
 */
export default class StoreCacheModuleService {
  protected readonly store_: ResponseStore
  protected readonly logger_: Logger
  readonly ttlSeconds: number
  readonly enabled: boolean

  constructor({ logger }: { logger: Logger }, options: StoreCacheOptions = {}) {
    this.logger_ = logger
    this.ttlSeconds = options.ttlSeconds ?? 30
    this.enabled = !options.disabled
    this.store_ = options.redisUrl
      ? new RedisResponseStore(
          new Redis(options.redisUrl, {
            connectionName: "store-cache",
            enableOfflineQueue: false,
            maxRetriesPerRequest: 0,
            commandTimeout: 250,
          }).on("error", () => undefined)
        )
      : new MemoryResponseStore()
  }

  async lookup(key: string): Promise<{ version: string | null; entry: CachedResponse | null }> {
    try {
      return await this.store_.lookup(key)
    } catch (error) {
      this.logger_.warn(`Store cache: lookup failed (${(error as Error).message}); serving uncached`)
      return { version: null, entry: null }
    }
  }

  async save(version: string, key: string, entry: CachedResponse): Promise<void> {
    await this.store_.save(version, key, entry, this.ttlSeconds).catch(() => undefined)
  }

  /** Something the store shows changed: no entry computed before now is served again. */
  async invalidate(): Promise<void> {
    try {
      await this.store_.invalidate()
    } catch (error) {
      this.logger_.error(
        `Store cache: invalidation failed (${(error as Error).message}); entries expire within ${this.ttlSeconds} s`
      )
    }
  }
}
