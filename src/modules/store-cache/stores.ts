import Redis from "ioredis"

/** A cached response: its ETag and JSON body, as the bytes sent (no string copy on a hit). */
export type CachedResponse = { etag: string; body: Buffer }

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
const SEPARATOR = 0x0a

/** `<etag>\n<body>`: an ETag never holds a newline. */
const encode = ({ etag, body }: CachedResponse) => Buffer.concat([Buffer.from(etag), Buffer.of(SEPARATOR), body])
const decode = (raw: Buffer | null): CachedResponse | null => {
  if (!raw) {
    return null
  }
  const at = raw.indexOf(SEPARATOR)
  return { etag: raw.subarray(0, at).toString(), body: raw.subarray(at + 1) }
}

/** How long this process reuses an entry it read before asking Redis for it again. */
const LOCAL_SECONDS = 5

type LocalEntry = CachedResponse & { expiresAt: number; size: number }

/**
 * Entries this process already read, kept in memory while their version is
 * current, for a few seconds at most (so the TTL bound holds give or take
 * LOCAL_SECONDS), and within a size budget.
 */
class LocalEntries {
  private version = ""
  private bytes = 0
  private readonly entries = new Map<string, LocalEntry>()

  constructor(private readonly maxBytes: number) {}

  get(version: string, key: string): CachedResponse | undefined {
    if (version !== this.version) {
      this.version = version
      this.entries.clear()
      this.bytes = 0
      return undefined
    }
    const entry = this.entries.get(key)
    if (!entry) {
      return undefined
    }
    if (entry.expiresAt <= Date.now()) {
      this.remove(key, entry)
      return undefined
    }
    return { etag: entry.etag, body: entry.body }
  }

  set(version: string, key: string, entry: CachedResponse) {
    if (version !== this.version) {
      return
    }
    const previous = this.entries.get(key)
    if (previous) {
      this.remove(key, previous)
    }
    const size = entry.body.length + entry.etag.length
    while (this.entries.size && this.bytes + size > this.maxBytes) {
      const [oldestKey, oldest] = this.entries.entries().next().value as [string, LocalEntry]
      this.remove(oldestKey, oldest)
    }
    if (size <= this.maxBytes) {
      this.entries.set(key, { ...entry, size, expiresAt: Date.now() + LOCAL_SECONDS * 1000 })
      this.bytes += size
    }
  }

  private remove(key: string, entry: LocalEntry) {
    this.entries.delete(key)
    this.bytes -= entry.size
  }
}

/**
 * Shared by every server process: an invalidation in one is seen by all on
 * their next read, because every read first asks Redis for the version (a
 * few bytes). The entry itself (often 100 KB for a listing) comes from this
 * process's memory when it read it before under that version, else from Redis.
 */
export class RedisResponseStore implements ResponseStore {
  private readonly local: LocalEntries

  constructor(
    private readonly redis: Redis,
    localBytes = 64 * 1024 * 1024
  ) {
    this.local = new LocalEntries(localBytes)
  }

  async lookup(key: string) {
    const version = (await this.redis.get(VERSION_KEY)) ?? "0"
    const known = this.local.get(version, key)
    if (known) {
      return { version, entry: known }
    }
    const entry = decode(await this.redis.getBuffer(entryKey(version, key)))
    if (entry) {
      this.local.set(version, key, entry)
    }
    return { version, entry }
  }

  async save(version: string, key: string, entry: CachedResponse, ttlSeconds: number) {
    await this.redis.set(entryKey(version, key), encode(entry), "EX", ttlSeconds)
    this.local.set(version, key, entry)
  }

  async invalidate() {
    return String(await this.redis.incr(VERSION_KEY))
  }
}

/** One process (embedded mode, no Redis): a bounded map, oldest entries dropped first. */
export class MemoryResponseStore implements ResponseStore {
  private version = 0
  private readonly entries = new Map<string, { raw: Buffer; expiresAt: number }>()

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
