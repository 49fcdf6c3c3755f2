import { model } from "@medusajs/framework/utils"

export const ACTOR_TYPES = ["user", "customer", "system", "webhook"] as const
export type ActorType = (typeof ACTOR_TYPES)[number]

/**
 * One entry of the append-only activity log. A database trigger rejects UPDATE
 * and DELETE; `hash` chains each row to the one before it (see ../chain.ts).
 */
export const ActivityEvent = model
  .define("activity_event", {
    id: model.id({ prefix: "act" }).primaryKey(),
    // Position in the hash chain: 1, 2, 3... with no gaps, assigned under an advisory lock.
    seq: model.number(),
    actor_type: model.enum([...ACTOR_TYPES]),
    actor_id: model.text().nullable(),
    // The staff user acting as `actor_id` through an impersonation token.
    impersonator_id: model.text().nullable(),
    action: model.text(),
    resource_type: model.text().nullable(),
    resource_id: model.text().nullable(),
    // What happened; for updates `{ changes: { field: { before?, after } } }`, secrets redacted.
    payload: model.json().nullable(),
    request_id: model.text().nullable(),
    ip: model.text().nullable(),
    user_agent: model.text().nullable(),
    occurred_at: model.dateTime(),
    // Hash of the previous row (64 zeros for the first one).
    prev_hash: model.text(),
    // SHA-256 of prev_hash and this row's canonical content.
    hash: model.text(),
  })
  .indexes([
    { on: ["seq"], unique: true },
    { on: ["actor_type", "actor_id"] },
    { on: ["resource_type", "resource_id"] },
    { on: ["action"] },
    { on: ["occurred_at"] },
  ])
