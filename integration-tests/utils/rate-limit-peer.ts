/**
 * A second server process for `http/rate-limit.spec.ts`: the app's store
 * rate limiter (same factory, same middleware, same environment) in front of
 * a stub handler, so the spec can show two processes sharing one Redis budget.
 *
 *   node -r ts-node/register integration-tests/utils/rate-limit-peer.ts
 *
 * Prints `{"port":<n>}` on stdout once Redis is connected and it listens.
 */
import express from "express"
import { once } from "node:events"
import { AddressInfo } from "node:net"
import { createRateLimiters, createRateLimitRedis } from "../../src/api/rate-limit/limiters"
import { rateLimit } from "../../src/api/rate-limit/middleware"
import { env } from "../../src/config"

async function main() {
  if (!env.REDIS_URL) {
    throw new Error("REDIS_URL is required")
  }
  const redis = createRateLimitRedis(env.REDIS_URL)
  await once(redis, "ready")
  const limiters = createRateLimiters({ redis })

  const app = express()
  app.set("trust proxy", 1)
  app.use("/store*", rateLimit("store", limiters))
  app.all("*", (_req, res) => {
    res.json({ peer: true })
  })
  const server = app.listen(0, "127.0.0.1")
  await once(server, "listening")
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`)
  process.on("SIGTERM", () => {
    redis.disconnect()
    process.exit(0)
  })
}

main().catch((error) => {
  process.stderr.write(`${error?.stack ?? error}\n`)
  process.exit(1)
})
