import { MedusaContainer } from "@medusajs/framework/types"
import { generateEntityId, Modules } from "@medusajs/framework/utils"
import { setTimeout as sleep } from "node:timers/promises"
import { BroadcastTransport, DeliveryResult } from "../../../lib/notifications/types"
import { BROADCAST_MODULE } from "../../../modules/broadcast"
import BroadcastModuleService, { ClaimedRecipient, RecipientOutcome } from "../../../modules/broadcast/service"
import { CONSENT_MODULE } from "../../../modules/consent"
import ConsentModuleService from "../../../modules/consent/service"
import { AudienceCustomer, CUSTOMER_FIELDS } from "./audience"
import { BroadcastContent, renderBroadcastFor } from "./render"

export type DeliveryOptions = {
  transport: BroadcastTransport
  /** Messages per second; 0 for no cap. */
  perSecond: number
  /** Stop after this many provider batches (the rest waits for the next run). */
  maxBatches?: number
  /** Called before every batch; keeps the broadcast's lock alive. */
  heartbeat?: () => Promise<void>
}

export type DeliveryRun = {
  /** `done`: nobody is left queued; `stopped`: cancelled, out of batches or the provider is unavailable. */
  outcome: "done" | "stopped"
  batches: number
  messages: number
  provider_error?: string
}

const outcomeOf = (recipient: ClaimedRecipient, result: DeliveryResult | undefined): RecipientOutcome => {
  if (!result) {
    return { id: recipient.id, status: "queued", error: "no result from the provider" }
  }
  switch (result.status) {
    case "sent":
      return { id: recipient.id, status: "sent", provider_message_id: result.id }
    case "failed":
      return { id: recipient.id, status: "failed", error: result.error }
    case "retry":
      return { id: recipient.id, status: "queued", error: result.error }
  }
}

/**
 * Sends a `sending` broadcast batch by batch until nobody is queued. Every
 * batch is written down (its key on the recipient rows) before the provider
 * call and its outcome after it, so a run that dies at any point is resumed by
 * the next one: a batch with no recorded outcome is sent again with the same
 * idempotency key, and Resend delivers it once. SMS and WhatsApp take no
 * idempotency key, so they are sent and recorded one message at a time: a
 * crash can repeat at most the one message that was in flight.
 */
export async function deliverBroadcast(
  container: MedusaContainer,
  broadcastId: string,
  { transport, perSecond, maxBatches, heartbeat }: DeliveryOptions
): Promise<DeliveryRun> {
  const broadcasts = container.resolve<BroadcastModuleService>(BROADCAST_MODULE)
  const consent = container.resolve<ConsentModuleService>(CONSENT_MODULE)
  const customers = container.resolve(Modules.CUSTOMER)
  const run: DeliveryRun = { outcome: "stopped", batches: 0, messages: 0 }
  const startedAt = Date.now()

  while (maxBatches === undefined || run.batches < maxBatches) {
    const broadcast = await broadcasts.retrieveBroadcast(broadcastId, {
      select: ["id", "status", "channel", "subject", "body"],
    })
    if (broadcast.status !== "sending") {
      return run
    }
    await heartbeat?.()

    const [unconfirmed] = await broadcasts.listUnconfirmedBatches(broadcastId)
    const batchKey = unconfirmed ?? generateEntityId(undefined, `${broadcastId}_batch`)
    let recipients = unconfirmed
      ? await broadcasts.listBatch(broadcastId, batchKey)
      : await broadcasts.claimBatch(broadcastId, batchKey, transport.batchSize)
    if (!recipients.length) {
      run.outcome = "done"
      return run
    }
    if (!unconfirmed) {
      // Someone may have unsubscribed since the audience was listed.
      const granted = await consent.isGranted(
        recipients.map((r) => r.customer_id),
        broadcast.channel,
        "marketing"
      )
      const optedOut = recipients.filter((r) => !granted.get(r.customer_id))
      await broadcasts.recordOutcomes(
        optedOut.map((r) => ({ id: r.id, status: "skipped", error: `opted out of ${broadcast.channel} marketing` }))
      )
      recipients = recipients.filter((r) => granted.get(r.customer_id))
    }

    const profiles = (await customers.listCustomers(
      { id: recipients.map((r) => r.customer_id) },
      { select: CUSTOMER_FIELDS }
    )) as AudienceCustomer[]
    const profileOf = new Map(profiles.map((profile) => [profile.id, profile]))
    const content = broadcast as BroadcastContent
    const messages = recipients.map((r) =>
      renderBroadcastFor(content, profileOf.get(r.customer_id) ?? { id: r.customer_id, email: null, first_name: null, last_name: null }, r.address)
    )

    const providerError = await sendBatch(broadcasts, transport, batchKey, recipients, messages)
    run.batches += 1
    run.messages += recipients.length
    if (providerError) {
      run.provider_error = providerError
      return run
    }
    if (perSecond > 0) {
      const due = startedAt + (run.messages / perSecond) * 1000
      await sleep(Math.max(0, due - Date.now()))
    }
  }
  return run
}

/** Sends one batch and records each outcome; answers the provider's error when it is unavailable. */
async function sendBatch(
  broadcasts: BroadcastModuleService,
  transport: BroadcastTransport,
  batchKey: string,
  recipients: ClaimedRecipient[],
  messages: ReturnType<typeof renderBroadcastFor>[]
): Promise<string | undefined> {
  if (transport.channel === "email") {
    const results = await transport.send(messages, batchKey)
    const outcomes = recipients.map((r, i) => outcomeOf(r, results[i]))
    await broadcasts.recordOutcomes(outcomes)
    return outcomes.find((o): o is Extract<RecipientOutcome, { status: "queued" }> => o.status === "queued")?.error
  }
  for (const [i, recipient] of recipients.entries()) {
    const [result] = await transport.send([messages[i]], `${batchKey}_${recipient.id}`)
    const outcome = outcomeOf(recipient, result)
    await broadcasts.recordOutcomes([outcome])
    if (outcome.status === "queued") {
      return outcome.error
    }
  }
  return undefined
}
