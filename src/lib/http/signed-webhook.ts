import type {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
  MiddlewareFunction,
  MiddlewareRoute,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

/** Whether `rawBody`, exactly as received, carries the sender's valid signature. */
export type WebhookSignatureCheck = (rawBody: Buffer, req: MedusaRequest) => boolean

/** Largest webhook body read unless a route allows more. */
export const DEFAULT_WEBHOOK_BODY_LIMIT = 1024 * 1024

class BodyTooLargeError extends Error {}

function readRawBody(req: MedusaRequest, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (req.readableEnded) {
      // Only if a body parser ran for this route after all: a wiring mistake, not the caller's.
      return reject(new Error("The webhook body was already read"))
    }
    if (Number(req.headers["content-length"]) > limit) {
      return reject(new BodyTooLargeError())
    }
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        req.off("data", onData)
        // Discard the rest instead of keeping it in memory.
        req.resume()
        reject(new BodyTooLargeError())
        return
      }
      chunks.push(chunk)
    }
    req.on("data", onData)
    req.once("end", () => resolve(Buffer.concat(chunks)))
    req.once("error", reject)
  })
}

/**
 * Reads the raw body (up to `limit` bytes), refuses it with 401 unless
 * `isSigned` accepts those exact bytes, and only then parses it as JSON
 * (400 if it is not). Sets `req.rawBody` and `req.body` as Medusa's body parser
 * with `preserveRawBody` would, so later middlewares and routes read them as usual.
 */
export function verifySignedJsonBody(isSigned: WebhookSignatureCheck, limit = DEFAULT_WEBHOOK_BODY_LIMIT) {
  return async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    let rawBody: Buffer
    try {
      rawBody = await readRawBody(req, limit)
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        res.status(413).json({ type: MedusaError.Types.INVALID_DATA, message: `The webhook body exceeds ${limit} bytes` })
        return
      }
      return next(error)
    }
    req.rawBody = rawBody
    if (!isSigned(rawBody, req)) {
      return next(new MedusaError(MedusaError.Types.UNAUTHORIZED, "Invalid webhook signature"))
    }
    try {
      req.body = JSON.parse(rawBody.toString("utf8"))
    } catch {
      return next(new MedusaError(MedusaError.Types.INVALID_DATA, "The webhook body is not valid JSON"))
    }
    next()
  }
}

/**
 * A signed `POST` webhook route: Medusa's body parser is off for it, so nothing
 * is parsed before `isSigned` has accepted the raw bytes (a forged delivery is
 * 401 whatever its body holds); `middlewares` run after, on the parsed body.
 */
export function signedWebhookRoute({
  matcher,
  isSigned,
  middlewares = [],
  limit,
}: {
  matcher: string
  isSigned: WebhookSignatureCheck
  middlewares?: MiddlewareFunction[]
  limit?: number
}): MiddlewareRoute {
  return {
    methods: ["POST"],
    matcher,
    bodyParser: false,
    middlewares: [verifySignedJsonBody(isSigned, limit), ...middlewares],
  }
}
