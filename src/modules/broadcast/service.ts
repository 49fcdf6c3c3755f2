import { Context } from "@medusajs/framework/types"
import {
  generateEntityId,
  InjectManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"
import { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { Broadcast } from "./models/broadcast"
import { BroadcastRecipient, RecipientStatus } from "./models/broadcast-recipient"

export type RecipientCounts = Record<RecipientStatus, number> & { total: number }

export type ListedRecipient = {
  customer_id: string
  address: string
  status: "queued" | "skipped"
  last_error?: string | null
}

export type ClaimedRecipient = { id: string; customer_id: string; address: string; attempts: number }

export type RecipientOutcome =
  | { id: string; status: "sent"; provider_message_id: string }
  | { id: string; status: "failed" | "skipped"; error: string }
  /** Not delivered yet (provider unavailable): stays queued in its batch for the next run. */
  | { id: string; status: "queued"; error: string }

const emptyCounts = (): RecipientCounts => ({ total: 0, queued: 0, sent: 0, failed: 0, skipped: 0 })

const knexOf = (context: Context) => {
  const manager = (context.transactionManager ?? context.manager) as SqlEntityManager
  return manager.getTransactionContext() ?? manager.getKnex()
}

class BroadcastModuleService extends MedusaService({ Broadcast, BroadcastRecipient }) {
  @InjectManager()
  async countRecipients(
    broadcastIds: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Map<string, RecipientCounts>> {
    const counts = new Map(broadcastIds.map((id) => [id, emptyCounts()]))
    if (!broadcastIds.length) {
      return counts
    }
    const rows: { broadcast_id: string; status: RecipientStatus; count: string }[] = await knexOf(sharedContext)(
      "broadcast_recipient"
    )
      .select("broadcast_id", "status")
      .count("* as count")
      .whereIn("broadcast_id", broadcastIds)
      .whereNull("deleted_at")
      .groupBy("broadcast_id", "status")
    for (const row of rows) {
      const entry = counts.get(row.broadcast_id)!
      entry[row.status] = Number(row.count)
      entry.total += Number(row.count)
    }
    return counts
  }

  /** Forgets a recipient list that was never finished (only before anything was sent). */
  @InjectManager()
  async clearRecipients(broadcastId: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await knexOf(sharedContext)("broadcast_recipient").where({ broadcast_id: broadcastId }).delete()
  }

  @InjectManager()
  async appendRecipients(
    broadcastId: string,
    recipients: ListedRecipient[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    if (!recipients.length) {
      return
    }
    const now = new Date()
    await knexOf(sharedContext)("broadcast_recipient").insert(
      recipients.map((recipient) => ({
        id: generateEntityId(undefined, "bcrcp"),
        broadcast_id: broadcastId,
        customer_id: recipient.customer_id,
        address: recipient.address,
        status: recipient.status,
        last_error: recipient.last_error ?? null,
        attempts: 0,
        created_at: now,
        updated_at: now,
      }))
    )
  }

  /** Batch keys of recipients handed to a provider whose outcome was never recorded. */
  @InjectManager()
  async listUnconfirmedBatches(
    broadcastId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    const rows: { batch_key: string }[] = await knexOf(sharedContext)("broadcast_recipient")
      .distinct("batch_key")
      .where({ broadcast_id: broadcastId, status: "queued" })
      .whereNotNull("batch_key")
      .whereNull("deleted_at")
      .orderBy("batch_key")
    return rows.map((row) => row.batch_key)
  }

  @InjectManager()
  async listBatch(
    broadcastId: string,
    batchKey: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ClaimedRecipient[]> {
    return await knexOf(sharedContext)("broadcast_recipient")
      .select("id", "customer_id", "address", "attempts")
      .where({ broadcast_id: broadcastId, batch_key: batchKey, status: "queued" })
      .whereNull("deleted_at")
      .orderBy("id")
  }

  /** Puts the next `size` unbatched queued recipients into batch `batchKey`, atomically. */
  @InjectManager()
  async claimBatch(
    broadcastId: string,
    batchKey: string,
    size: number,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ClaimedRecipient[]> {
    const knex = knexOf(sharedContext)
    const next = knex("broadcast_recipient")
      .select("id")
      .where({ broadcast_id: broadcastId, status: "queued" })
      .whereNull("batch_key")
      .whereNull("deleted_at")
      .orderBy("id")
      .limit(size)
      .forUpdate()
      .skipLocked()
    const rows: ClaimedRecipient[] = await knex("broadcast_recipient")
      .update({ batch_key: batchKey, updated_at: new Date() })
      .whereIn("id", next)
      .returning(["id", "customer_id", "address", "attempts"])
    return rows.sort((a, b) => a.id.localeCompare(b.id))
  }

  /** Records what happened to each recipient of a batch in one statement. */
  @InjectManager()
  async recordOutcomes(outcomes: RecipientOutcome[], @MedusaContext() sharedContext: Context = {}) {
    if (!outcomes.length) {
      return
    }
    const knex = knexOf(sharedContext)
    const values = outcomes.map(() => "(?, ?, ?, ?)").join(", ")
    const bindings = outcomes.flatMap((outcome) => [
      outcome.id,
      outcome.status,
      outcome.status === "sent" ? outcome.provider_message_id : null,
      outcome.status === "sent" ? null : outcome.error,
    ])
    await knex.raw(
      `UPDATE broadcast_recipient AS r
          SET status = v.status,
              provider_message_id = v.provider_message_id,
              last_error = v.last_error,
              attempts = r.attempts + CASE WHEN v.status = 'skipped' THEN 0 ELSE 1 END,
              sent_at = CASE WHEN v.status = 'sent' THEN now() ELSE r.sent_at END,
              updated_at = now()
         FROM (VALUES ${values}) AS v(id, status, provider_message_id, last_error)
        WHERE r.id = v.id`,
      bindings
    )
  }
}

export default BroadcastModuleService
