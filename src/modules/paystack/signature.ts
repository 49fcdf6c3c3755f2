import { createHmac, timingSafeEqual } from "node:crypto"

/**
 * Paystack signs each webhook with HMAC-SHA512 of the raw body, keyed with the
 * secret key, hex-encoded in `x-paystack-signature`.
 */
export function isValidPaystackSignature(
  rawBody: string | Buffer | undefined,
  signature: string | string[] | undefined,
  secretKey: string
): boolean {
  if (!rawBody || typeof signature !== "string" || !/^[0-9a-f]{128}$/i.test(signature)) {
    return false
  }
  const expected = createHmac("sha512", secretKey).update(rawBody).digest()
  return timingSafeEqual(expected, Buffer.from(signature, "hex"))
}
