import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto"
import { env } from "../config"

/**
 * Short signed tokens for links in messages (order tracking, unsubscribe):
 * `<base64url(JSON [payload, expires_at?])>.<base64url(MAC)>`.
 *
 * The MAC is HMAC-SHA256 truncated to 128 bits (RFC 2104 allows truncation to half
 * the hash length), keyed per purpose with HKDF from `JWT_SECRET`: a token made for
 * one purpose never verifies for another, and rotating `JWT_SECRET` revokes them all.
 * The payload is signed, not encrypted: put no secrets in it.
 */

const MAC_BYTES = 16
/** Longer input is refused before any work (tokens travel in URLs). */
const MAX_TOKEN_LENGTH = 2048
const BASE64URL = /^[A-Za-z0-9_-]+$/

const keys = new Map<string, Buffer>()

function keyFor(purpose: string): Buffer {
  let key = keys.get(purpose)
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", env.JWT_SECRET, "signed-token", `signed-token:${purpose}`, 32))
    keys.set(purpose, key)
  }
  return key
}

/** The MAC of `body`, base64url (22 characters). */
const mac = (purpose: string, body: string) =>
  createHmac("sha256", keyFor(purpose)).update(body).digest().subarray(0, MAC_BYTES).toString("base64url")

export type SignTokenOptions = {
  /** Seconds until the token stops verifying; without it the token does not expire. */
  expiresInSeconds?: number
}

export function signToken(
  purpose: string,
  payload: Record<string, string>,
  options: SignTokenOptions = {}
): string {
  const claims: [Record<string, string>, number?] = [payload]
  if (options.expiresInSeconds !== undefined) {
    claims.push(Math.floor(Date.now() / 1000) + Math.floor(options.expiresInSeconds))
  }
  const body = Buffer.from(JSON.stringify(claims)).toString("base64url")
  return `${body}.${mac(purpose, body)}`
}

const isStringRecord = (value: unknown): value is Record<string, string> =>
  typeof value === "object" &&
  value !== null &&
  !Array.isArray(value) &&
  Object.values(value).every((v) => typeof v === "string")

/** The payload of a genuine, unexpired token made for `purpose`; otherwise null. */
export function verifyToken(purpose: string, token: string): Record<string, string> | null {
  if (typeof token !== "string" || token.length > MAX_TOKEN_LENGTH) {
    return null
  }
  const parts = token.split(".")
  if (parts.length !== 2 || !BASE64URL.test(parts[0]) || !BASE64URL.test(parts[1])) {
    return null
  }
  const [body, signature] = parts
  // Compared as text, so no other spelling of the same MAC bytes verifies.
  const given = Buffer.from(signature)
  const expected = Buffer.from(mac(purpose, body))
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return null
  }
  let claims: unknown
  try {
    claims = JSON.parse(Buffer.from(body, "base64url").toString("utf8"))
  } catch {
    return null
  }
  if (!Array.isArray(claims) || claims.length < 1 || claims.length > 2 || !isStringRecord(claims[0])) {
    return null
  }
  const expiresAt = claims[1]
  if (expiresAt !== undefined && (typeof expiresAt !== "number" || expiresAt <= Date.now() / 1000)) {
    return null
  }
  return claims[0]
}
