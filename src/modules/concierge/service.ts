import { Context } from "@medusajs/framework/types"
import {
  generateEntityId,
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { addBusinessMinutes, BusinessWindow, parseBusinessHours } from "../../lib/concierge/business-hours"
import { ConciergeConversation, ConversationStatus } from "./models/conversation"
import { ConciergeMessage, MessageType } from "./models/message"
import { newReference, referenceIn } from "./reference"

export type ConciergeModuleOptions = {
  /** Minutes of business time within which a new conversation should get its first reply. */
  firstResponseMinutes?: number
  /** e.g. `mon-fri 08:00-18:00, sat 10:00-14:00`; empty: around the clock. */
  businessHours?: string
  timeZone?: string
}

export type OpenConversationInput = {
  customer_phone: string
  message: string
  topic?: string | null
  customer_id?: string | null
  cart_id?: string | null
  order_id?: string | null
}

/** One message WhatsApp delivered to the webhook, already read out of Meta's payload. */
export type InboundMessage = {
  whatsapp_message_id: string
  /** The sender's WhatsApp id: digits of their number without `+`. */
  from: string
  profile_name?: string | null
  type: MessageType
  text?: string | null
  media_id?: string | null
  media_mime_type?: string | null
  media_filename?: string | null
  sent_at: Date
}

export type InboundOutcome = {
  whatsapp_message_id: string
  /** The id was stored before: nothing changed. */
  duplicate: boolean
  conversation_id: string
  /** A new conversation was opened for it. */
  conversation_created: boolean
}

export type DeliveryStatus = "sent" | "delivered" | "read" | "failed"

export type StatusUpdate = { whatsapp_message_id: string; status: DeliveryStatus; at: Date; error?: string | null }

export type OutboundOutcome = { message_id: string; whatsapp_message_id: string | null; error: string | null }

export type OutboundMessage = {
  conversation_id: string
  author_id: string
  type: "text" | "template"
  text?: string | null
  template?: Record<string, unknown> | null
}

/** Later statuses win; an update that arrives out of order never moves a message back. */
const STATUS_ORDER = ["received", "queued", "sent", "delivered", "read", "failed"]

const UNIQUE_VIOLATION = "23505"

const knexOf = (context: Context) => {
  const manager = (context.transactionManager ?? context.manager) as SqlEntityManager
  return manager.getTransactionContext() ?? manager.getKnex()
}

type ConversationRow = { id: string; status: ConversationStatus; first_responded_at: Date | null }

class ConciergeModuleService extends MedusaService({ ConciergeConversation, ConciergeMessage }) {
  protected readonly firstResponseMinutes_: number
  protected readonly businessHours_: BusinessWindow[]
  protected readonly timeZone_: string

  constructor(container: Record<string, unknown>, options: ConciergeModuleOptions = {}) {
    super(...arguments)
    this.firstResponseMinutes_ = options.firstResponseMinutes ?? 15
    this.businessHours_ = parseBusinessHours(options.businessHours ?? "")
    this.timeZone_ = options.timeZone ?? "Africa/Lagos"
  }

  /** When a conversation that starts at `start` should have had its first reply. */
  protected firstResponseDue_(start: Date): Date {
    return addBusinessMinutes(start, this.firstResponseMinutes_, this.businessHours_, this.timeZone_)
  }

  /** Conversations waiting on staff or on the customer (not resolved). */
  @InjectManager()
  async countOpenConversations(@MedusaContext() sharedContext: Context = {}): Promise<number> {
    const [{ count }] = await knexOf(sharedContext)("concierge_conversation")
      .count("* as count")
      .whereNot("status", "resolved")
      .whereNull("deleted_at")
    return Number(count)
  }

  /** A conversation from the storefront's escalation form, with the customer's message as its first entry. */
  @InjectManager()
  async openConversation(
    input: OpenConversationInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; reference: string }> {
    return this.openConversation_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async openConversation_(
    input: OpenConversationInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; reference: string }> {
    const now = new Date()
    const id = await this.insertConversation_(
      {
        customer_phone: input.customer_phone,
        customer_id: input.customer_id ?? null,
        cart_id: input.cart_id ?? null,
        order_id: input.order_id ?? null,
        topic: input.topic ?? null,
        origin: "storefront",
        // The form's message is the first one staff have not read.
        unread_count: 1,
      },
      now,
      sharedContext
    )
    await knexOf(sharedContext)("concierge_message").insert({
      id: generateEntityId(undefined, "cmsg"),
      conversation_id: id.id,
      direction: "inbound",
      channel: "storefront",
      type: "text",
      text: input.message,
      status: "received",
      sent_at: now,
    })
    return id
  }

  /**
   * Stores each message WhatsApp delivered, once per WhatsApp id: on the
   * conversation whose reference the text quotes (reopening it if resolved),
   * else on the sender's unresolved conversation, else on a new one. Each
   * message is its own transaction, serialised per sender.
   */
  @InjectManager()
  async recordInboundMessages(
    messages: InboundMessage[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<InboundOutcome[]> {
    const outcomes: InboundOutcome[] = []
    for (const message of messages) {
      outcomes.push(await this.recordInboundMessage_(message))
    }
    return outcomes
  }

  /** Applies WhatsApp's status updates to our outbound messages; answers how many messages changed. */
  @InjectManager()
  async applyStatusUpdates(updates: StatusUpdate[], @MedusaContext() sharedContext: Context = {}): Promise<number> {
    return this.applyStatusUpdates_(updates, sharedContext)
  }

  @InjectTransactionManager()
  protected async applyStatusUpdates_(
    updates: StatusUpdate[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<number> {
    const knex = knexOf(sharedContext)
    let changed = 0
    for (const update of updates) {
      const timestampColumn = `${update.status}_at`
      const rank = STATUS_ORDER.indexOf(update.status)
      changed += await knex("concierge_message")
        .where({ whatsapp_message_id: update.whatsapp_message_id, direction: "outbound" })
        .whereNull("deleted_at")
        .update({
          status: knex.raw(`case when array_position(?::text[], status::text) < ? then ? else status end`, [
            STATUS_ORDER,
            rank + 1,
            update.status,
          ]),
          ...(update.status === "sent" ? {} : { [timestampColumn]: knex.raw(`coalesce(??, ?)`, [timestampColumn, update.at]) }),
          ...(update.error ? { error: update.error } : {}),
          updated_at: new Date(),
        })
    }
    return changed
  }

  /** A staff reply about to be sent: stored as `queued` so a crash mid-send leaves a trace. */
  @InjectManager()
  async queueOutbound(message: OutboundMessage, @MedusaContext() sharedContext: Context = {}): Promise<string> {
    const id = generateEntityId(undefined, "cmsg")
    await knexOf(sharedContext)("concierge_message").insert({
      id,
      conversation_id: message.conversation_id,
      direction: "outbound",
      channel: "whatsapp",
      type: message.type,
      text: message.text ?? null,
      template: message.template ? JSON.stringify(message.template) : null,
      status: "queued",
      author_id: message.author_id,
      sent_at: new Date(),
    })
    return id
  }

  /**
   * Records the outcome of a send. A sent reply is the first response if there
   * was none, assigns the conversation to its author if nobody had it, marks
   * it read and leaves it `pending` (waiting on the customer), reopening a
   * resolved one.
   */
  @InjectManager()
  async completeOutbound(
    outcome: OutboundOutcome,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    return this.completeOutbound_(outcome, sharedContext)
  }

  @InjectTransactionManager()
  protected async completeOutbound_(
    outcome: OutboundOutcome,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    const knex = knexOf(sharedContext)
    const now = new Date()
    const [message] = await knex("concierge_message")
      .where({ id: outcome.message_id })
      .update(
        outcome.error
          ? { status: "failed", error: outcome.error, failed_at: now, updated_at: now }
          : { status: "sent", whatsapp_message_id: outcome.whatsapp_message_id, sent_at: now, updated_at: now }
      )
      .returning(["conversation_id", "author_id"])
    if (!message) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Concierge message ${outcome.message_id} was not found`)
    }
    if (outcome.error) {
      return
    }
    await knex("concierge_conversation")
      .where({ id: message.conversation_id })
      .update({
        // Waiting on the customer now; a reply to a resolved conversation takes it up again.
        status: "pending",
        resolved_at: null,
        first_responded_at: knex.raw(`coalesce(first_responded_at, ?)`, [now]),
        assignee_id: knex.raw(`coalesce(assignee_id, ?)`, [message.author_id]),
        last_outbound_at: now,
        last_message_at: now,
        unread_count: 0,
        updated_at: now,
      })
  }

  @InjectTransactionManager()
  protected async recordInboundMessage_(
    message: InboundMessage,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<InboundOutcome> {
    const knex = knexOf(sharedContext)
    const phone = `+${message.from}`
    await knex.raw(`select pg_advisory_xact_lock(hashtext(?))`, [`concierge:${phone}`])
    const stored = await knex("concierge_message")
      .select("conversation_id")
      .where({ whatsapp_message_id: message.whatsapp_message_id })
      .first()
    if (stored) {
      return {
        whatsapp_message_id: message.whatsapp_message_id,
        duplicate: true,
        conversation_id: stored.conversation_id,
        conversation_created: false,
      }
    }
    let conversation = await this.conversationFor_(phone, message, knex)
    let created = false
    if (!conversation) {
      const { id } = await this.insertConversation_(
        { customer_phone: phone, origin: "whatsapp" },
        message.sent_at,
        sharedContext
      )
      conversation = { id, status: "open", first_responded_at: null }
      created = true
    }
    await knex("concierge_message").insert({
      id: generateEntityId(undefined, "cmsg"),
      conversation_id: conversation.id,
      direction: "inbound",
      channel: "whatsapp",
      whatsapp_message_id: message.whatsapp_message_id,
      type: message.type,
      text: message.text ?? null,
      media_id: message.media_id ?? null,
      media_mime_type: message.media_mime_type ?? null,
      media_filename: message.media_filename ?? null,
      status: "received",
      sent_at: message.sent_at,
    })
    const reopened = conversation.status === "resolved"
    await knex("concierge_conversation")
      .where({ id: conversation.id })
      .update({
        status: "open",
        resolved_at: null,
        whatsapp_id: message.from,
        profile_name: knex.raw(`coalesce(?, profile_name)`, [message.profile_name ?? null]),
        last_inbound_at: knex.raw(`greatest(last_inbound_at, ?)`, [message.sent_at]),
        last_message_at: knex.raw(`greatest(last_message_at, ?)`, [message.sent_at]),
        unread_count: knex.raw(`unread_count + 1`),
        // A resolved conversation the customer reopens is owed a new first response.
        ...(reopened ? { first_responded_at: null, first_response_due_at: this.firstResponseDue_(new Date()) } : {}),
        updated_at: new Date(),
      })
    return {
      whatsapp_message_id: message.whatsapp_message_id,
      duplicate: false,
      conversation_id: conversation.id,
      conversation_created: created,
    }
  }

  /** The conversation a message belongs to: the one its text quotes, else the sender's unresolved one. */
  protected async conversationFor_(
    phone: string,
    message: InboundMessage,
    knex: ReturnType<typeof knexOf>
  ): Promise<ConversationRow | undefined> {
    const columns = ["id", "status", "first_responded_at"]
    const reference = referenceIn(message.text)
    if (reference) {
      const quoted = await knex("concierge_conversation")
        .select(columns)
        .where({ reference })
        .whereNull("deleted_at")
        .first()
      if (quoted) {
        return quoted
      }
    }
    return knex("concierge_conversation")
      .select(columns)
      .where((builder) => builder.where({ customer_phone: phone }).orWhere({ whatsapp_id: message.from }))
      .whereNot("status", "resolved")
      .whereNull("deleted_at")
      .orderBy("last_message_at", "desc")
      .first()
  }

  /** Inserts a conversation under a fresh reference (drawing again on the rare clash). */
  @InjectTransactionManager()
  protected async insertConversation_(
    fields: Record<string, unknown>,
    start: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; reference: string }> {
    const knex = knexOf(sharedContext)
    for (let attempt = 1; ; attempt++) {
      const row = {
        id: generateEntityId(undefined, "conv"),
        reference: newReference(),
        status: "open",
        first_response_due_at: this.firstResponseDue_(start),
        last_message_at: start,
        ...fields,
      }
      try {
        await knex.transaction(async (trx) => trx("concierge_conversation").insert(row))
        return { id: row.id, reference: row.reference }
      } catch (error) {
        if ((error as { code?: string }).code !== UNIQUE_VIOLATION || attempt >= 5) {
          throw error
        }
      }
    }
  }
}

export default ConciergeModuleService
