import { createHmac, timingSafeEqual } from "node:crypto"

/**
 * Meta signs each webhook delivery with HMAC-SHA256 of the raw body, keyed
 * with the app secret, sent as `X-Hub-Signature-256: sha256=<hex>`.
 */
export function isValidWhatsAppSignature(
  rawBody: string | Buffer | undefined,
  signature: string | string[] | undefined,
  appSecret: string
): boolean {
  if (!rawBody || !appSecret || typeof signature !== "string") {
    return false
  }
  const match = /^sha256=([0-9a-f]{64})$/i.exec(signature.trim())
  if (!match) {
    return false
  }
  const expected = createHmac("sha256", appSecret).update(rawBody).digest()
  return timingSafeEqual(expected, Buffer.from(match[1], "hex"))
}
