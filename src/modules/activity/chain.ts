import { createHash } from "crypto"

export const GENESIS_HASH = "0".repeat(64)

/** The fields a row's hash covers, as they are stored. */
export type ChainedContent = {
  id: string
  seq: number
  actor_type: string
  actor_id: string | null
  impersonator_id: string | null
  action: string
  resource_type: string | null
  resource_id: string | null
  payload: unknown
  request_id: string | null
  ip: string | null
  user_agent: string | null
  occurred_at: Date
}

/** JSON with object keys sorted at every level, so jsonb's key order does not change the hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) {
    return "null"
  }
  if (value instanceof Date) {
    return JSON.stringify(value.toISOString())
  }
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(",")}]`
  }
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`
  }
  return JSON.stringify(value)
}

export function chainHash(prevHash: string, content: ChainedContent): string {
  const canonical = canonicalJson({
    id: content.id,
    seq: Number(content.seq),
    actor_type: content.actor_type,
    actor_id: content.actor_id,
    impersonator_id: content.impersonator_id,
    action: content.action,
    resource_type: content.resource_type,
    resource_id: content.resource_id,
    payload: content.payload ?? null,
    request_id: content.request_id,
    ip: content.ip,
    user_agent: content.user_agent,
    occurred_at: new Date(content.occurred_at),
  })
  return createHash("sha256").update(prevHash).update("\n").update(canonical).digest("hex")
}
