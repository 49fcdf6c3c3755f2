import Redis from "ioredis"

/** A cached response: its ETag and JSON body. */
export type CachedResponse = { etag: string; body: string }

/**
 * Where cached store responses live. Every entry is filed under the catalog
 * version current when it was computed; `invalidate()` moves the version on,
 * so older entries are never read again and expire on their own.
 */
export interface ResponseStore {
  /** The current version and the entry for `key` under it. */
  lookup(key: string): Promise<{ version: string; entry: CachedResponse | null }>
  save(version: string, key: string, entry: CachedResponse, ttlSeconds: number): Promise<void>
  invalidate(): Promise<string>
}

const VERSION_KEY = "sc:version"
const entryKey = (version: string, key: string) => `sc:${version}:${key}`
const SEPARATOR = "\n"

const encode = ({ etag, body }: CachedResponse) => `${etag}${SEPARATOR}${body}`
const decode = (raw: string | null): CachedResponse | null => {
  if (!raw) {
    return null
  }
  const at = raw.indexOf(SEPARATOR)
  return { etag: raw.slice(0, at), body: raw.slice(at + 1) }
}

// The version and the entry in one round trip.
const LOOKUP_SCRIPT = `
local version = redis.call("GET", KEYS[1]) or "0"
return { version, redis.call("GET", ARGV[1] .. version .. ":" .. ARGV[2]) }
`

type LookupReply = [string, string | null]

/** Shared by every server process: an invalidation in one is seen by all on their next read. */
export class RedisResponseStore implements ResponseStore {
  constructor(private readonly redis: Redis) {}

  async lookup(key: string) {
    const [version, raw] = (await this.redis.eval(LOOKUP_SCRIPT, 1, VERSION_KEY, "sc:", key)) as LookupReply
    return { version, entry: decode(raw) }
  }

  async save(version: string, key: string, entry: CachedResponse, ttlSeconds: number) {
    await this.redis.set(entryKey(version, key), encode(entry), "EX", ttlSeconds)
  }

  async invalidate() {
    return String(await this.redis.incr(VERSION_KEY))
  }
}

/** One process (embedded mode, no Redis): a bounded map, oldest entries dropped first. */
export class MemoryResponseStore implements ResponseStore {
  private version = 0
  private readonly entries = new Map<string, { raw: string; expiresAt: number }>()

  constructor(private readonly maxEntries = 5_000) {}

  async lookup(key: string) {
    const version = String(this.version)
    const found = this.entries.get(entryKey(version, key))
    if (!found || found.expiresAt <= Date.now()) {
      return { version, entry: null }
    }
    return { version, entry: decode(found.raw) }
  }

  async save(version: string, key: string, entry: CachedResponse, ttlSeconds: number) {
    if (version !== String(this.version)) {
      return
    }
    while (this.entries.size >= this.maxEntries) {
      this.entries.delete(this.entries.keys().next().value as string)
    }
    this.entries.set(entryKey(version, key), { raw: encode(entry), expiresAt: Date.now() + ttlSeconds * 1000 })
  }

  async invalidate() {
    this.version++
    this.entries.clear()
    return String(this.version)
  }
}
