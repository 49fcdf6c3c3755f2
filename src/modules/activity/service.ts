import { Context } from "@medusajs/framework/types"
import {
  generateEntityId,
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"
import { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { ChainedContent, chainHash, GENESIS_HASH } from "./chain"
import { ActivityEvent, ActorType } from "./models/activity-event"
import { ActivityOutbox } from "./models/activity-outbox"

export type ActivityEntry = {
  actor_type: ActorType
  actor_id?: string | null
  impersonator_id?: string | null
  action: string
  resource_type?: string | null
  resource_id?: string | null
  payload?: Record<string, unknown> | null
  request_id?: string | null
  ip?: string | null
  user_agent?: string | null
  occurred_at?: Date
}

export type StoredActivityEvent = ChainedContent & { prev_hash: string; hash: string; created_at: Date }

export type ActivityFilters = {
  actor_type?: ActorType
  actor_id?: string
  resource_type?: string
  resource_id?: string
  action?: string
  from?: Date
  to?: Date
}

export type ChainReport = {
  valid: boolean
  checked: number
  last_seq: number | null
  first_broken: { seq: number; id: string; reason: string } | null
}

const TABLE = "activity_event"
const OUTBOX = "activity_outbox"
// Any fixed 64-bit key works; it only has to be the same for every writer.
const CHAIN_LOCK_KEY = 7_305_246_119
const VERIFY_BATCH = 500

const COLUMNS = [
  "id",
  "seq",
  "actor_type",
  "actor_id",
  "impersonator_id",
  "action",
  "resource_type",
  "resource_id",
  "payload",
  "request_id",
  "ip",
  "user_agent",
  "occurred_at",
  "prev_hash",
  "hash",
  "created_at",
]

const knexOf = (context: Context) => {
  const manager = (context.transactionManager ?? context.manager) as SqlEntityManager
  return manager.getTransactionContext() ?? manager.getKnex()
}

/** Drops what JSON cannot hold (undefined, functions) so the hash covers exactly what jsonb stores. */
const asStoredJson = (payload: ActivityEntry["payload"]) =>
  payload === undefined || payload === null ? null : (JSON.parse(JSON.stringify(payload)) as Record<string, unknown>)

export type OutboxDrain = {
  /** Entries appended to the chain. */
  appended: number
  /** The outbox row that could not be appended (the drain stops there, keeping the order), if any. */
  failed: { id: string; error: string } | null
}

class ActivityModuleService extends MedusaService({ ActivityEvent, ActivityOutbox }) {
  /**
   * Appends entries to the chain in one transaction. A transaction-scoped
   * advisory lock serialises writers, so each row links to the row committed
   * just before it whatever the number of concurrent servers.
   */
  @InjectManager()
  async append(entries: ActivityEntry[], @MedusaContext() sharedContext: Context = {}): Promise<StoredActivityEvent[]> {
    if (!entries.length) {
      return []
    }
    return await this.append_(entries, sharedContext)
  }

  @InjectTransactionManager()
  protected async append_(
    entries: ActivityEntry[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<StoredActivityEvent[]> {
    const knex = knexOf(sharedContext)
    await knex.raw("select pg_advisory_xact_lock(?)", [CHAIN_LOCK_KEY])
    const last: { seq: number; hash: string } | undefined = await knex(TABLE)
      .select("seq", "hash")
      .orderBy("seq", "desc")
      .first()
    let prevHash = last?.hash ?? GENESIS_HASH
    let seq = last ? Number(last.seq) : 0
    const now = new Date()
    const rows = entries.map((entry) => {
      seq += 1
      const content: ChainedContent = {
        id: generateEntityId(undefined, "act"),
        seq,
        actor_type: entry.actor_type,
        actor_id: entry.actor_id ?? null,
        impersonator_id: entry.impersonator_id ?? null,
        action: entry.action,
        resource_type: entry.resource_type ?? null,
        resource_id: entry.resource_id ?? null,
        payload: asStoredJson(entry.payload),
        request_id: entry.request_id ?? null,
        ip: entry.ip ?? null,
        user_agent: entry.user_agent ?? null,
        occurred_at: entry.occurred_at ?? now,
      }
      const hash = chainHash(prevHash, content)
      const row = { ...content, prev_hash: prevHash, hash, created_at: now, updated_at: now }
      prevHash = hash
      return row
    })
    await knex(TABLE).insert(
      rows.map((row) => ({ ...row, payload: row.payload === null ? null : JSON.stringify(row.payload) }))
    )
    return rows
  }

  /**
   * Keeps entries that could not be appended in the outbox table, with the
   * time they happened, so they are appended later even across a restart.
   */
  @InjectManager()
  async enqueueOutbox(
    entries: ActivityEntry[],
    error: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string> {
    const now = new Date()
    const id = generateEntityId(undefined, "actobx")
    const stored = entries.map((entry) => ({ ...entry, occurred_at: entry.occurred_at ?? now }))
    await knexOf(sharedContext)(OUTBOX).insert({
      id,
      entries: JSON.stringify(stored),
      attempts: 0,
      last_error: error.slice(0, 2000),
      created_at: now,
      updated_at: now,
    })
    return id
  }

  /**
   * Appends outbox rows to the chain, oldest first, each in one transaction
   * with its deletion, so a row is appended exactly once even with several
   * drainers. Stops at the first row that fails again (noting the error on it).
   */
  async drainOutbox(limit = 100): Promise<OutboxDrain> {
    let appended = 0
    for (let n = 0; n < limit; n++) {
      const current: { id?: string } = {}
      try {
        const count = await this.drainOne_(current)
        if (count === null) {
          break
        }
        appended += count
      } catch (error) {
        const message = (error as Error).message
        if (current.id) {
          await this.noteOutboxFailure_(current.id, message)
        }
        return { appended, failed: { id: current.id ?? "", error: message } }
      }
    }
    return { appended, failed: null }
  }

  @InjectTransactionManager()
  protected async drainOne_(
    current: { id?: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<number | null> {
    const knex = knexOf(sharedContext)
    const row: { id: string; entries: (ActivityEntry & { occurred_at: string })[] } | undefined = await knex(OUTBOX)
      .select("id", "entries")
      .whereNull("deleted_at")
      .orderBy([{ column: "created_at" }, { column: "id" }])
      .forUpdate()
      .skipLocked()
      .first()
    if (!row) {
      return null
    }
    current.id = row.id
    const entries = row.entries.map((entry) => ({ ...entry, occurred_at: new Date(entry.occurred_at) }))
    await this.append_(entries, sharedContext)
    await knex(OUTBOX).where({ id: row.id }).delete()
    return entries.length
  }

  @InjectTransactionManager()
  protected async noteOutboxFailure_(id: string, error: string, @MedusaContext() sharedContext: Context = {}) {
    const knex = knexOf(sharedContext)
    await knex(OUTBOX)
      .where({ id })
      .update({ last_error: error.slice(0, 2000), updated_at: new Date(), attempts: knex.raw("attempts + 1") })
  }

  /** Walks the whole chain in order, a batch at a time, and reports the first broken link. */
  @InjectManager()
  async verifyChain(@MedusaContext() sharedContext: Context = {}): Promise<ChainReport> {
    const knex = knexOf(sharedContext)
    let prevHash = GENESIS_HASH
    let expectedSeq = 1
    let checked = 0
    for (;;) {
      const batch: StoredActivityEvent[] = await knex(TABLE)
        .select(COLUMNS)
        .where("seq", ">=", expectedSeq)
        .orderBy("seq", "asc")
        .limit(VERIFY_BATCH)
      for (const row of batch) {
        const seq = Number(row.seq)
        const reason =
          seq !== expectedSeq
            ? `row ${expectedSeq} is missing`
            : row.prev_hash !== prevHash
              ? "prev_hash does not match the previous row's hash"
              : row.hash !== chainHash(prevHash, row)
                ? "content does not match its hash"
                : null
        if (reason) {
          return { valid: false, checked, last_seq: seq, first_broken: { seq, id: row.id, reason } }
        }
        prevHash = row.hash
        expectedSeq = seq + 1
        checked += 1
      }
      if (batch.length < VERIFY_BATCH) {
        return { valid: true, checked, last_seq: checked ? expectedSeq - 1 : null, first_broken: null }
      }
    }
  }

  /** Newest first; `before_seq` is the cursor (the last seq of the previous page). */
  @InjectManager()
  async listEvents(
    filters: ActivityFilters,
    page: { limit: number; before_seq?: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<StoredActivityEvent[]> {
    const query = knexOf(sharedContext)(TABLE).select(COLUMNS).orderBy("seq", "desc").limit(page.limit)
    for (const key of ["actor_type", "actor_id", "resource_type", "resource_id", "action"] as const) {
      if (filters[key] !== undefined) {
        query.where(key, filters[key])
      }
    }
    if (filters.from) {
      query.where("occurred_at", ">=", filters.from)
    }
    if (filters.to) {
      query.where("occurred_at", "<", filters.to)
    }
    if (page.before_seq !== undefined) {
      query.where("seq", "<", page.before_seq)
    }
    return await query
  }
}

export default ActivityModuleService
