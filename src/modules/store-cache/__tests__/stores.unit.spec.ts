import Redis from "ioredis"
import { MemoryResponseStore, RedisResponseStore } from "../stores"

const entry = (body: string) => ({ etag: `W/"${body.length}"`, body: Buffer.from(body) })

describe("MemoryResponseStore", () => {
  it("serves an entry under its version only, and never after an invalidation", async () => {
    const store = new MemoryResponseStore()
    const { version } = await store.lookup("k")
    await store.save(version, "k", entry("one"), 30)
    expect((await store.lookup("k")).entry).toEqual(entry("one"))
    await store.invalidate()
    expect((await store.lookup("k")).entry).toBeNull()
    // A read that began before the invalidation cannot file its answer under the new version.
    await store.save(version, "k", entry("stale"), 30)
    expect((await store.lookup("k")).entry).toBeNull()
  })

  it("drops the oldest entries beyond its size", async () => {
    const store = new MemoryResponseStore(2)
    const { version } = await store.lookup("a")
    for (const key of ["a", "b", "c"]) {
      await store.save(version, key, entry(key), 30)
    }
    expect((await store.lookup("a")).entry).toBeNull()
    expect((await store.lookup("c")).entry).toEqual(entry("c"))
  })
})

describe("RedisResponseStore", () => {
  const url = "redis://127.0.0.1:6379/10"
  let a: Redis
  let b: Redis

  beforeAll(async () => {
    a = new Redis(url)
    b = new Redis(url)
    await a.flushdb()
  })

  afterAll(() => {
    a.disconnect()
    b.disconnect()
  })

  it("shares entries and invalidations between processes, even for entries a process keeps in memory", async () => {
    const first = new RedisResponseStore(a)
    const second = new RedisResponseStore(b)
    const { version } = await first.lookup("k")
    await first.save(version, "k", entry("price 100"), 30)
    // The other process reads it from Redis, then from its own memory.
    expect((await second.lookup("k")).entry).toEqual(entry("price 100"))
    expect((await second.lookup("k")).entry).toEqual(entry("price 100"))

    await first.invalidate()
    // Both processes see the new version on their next read, memory copies included.
    expect((await second.lookup("k")).entry).toBeNull()
    expect((await first.lookup("k")).entry).toBeNull()
  })
})
