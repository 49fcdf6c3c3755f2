import type { Logger } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { randomUUID } from "node:crypto"
import type { Env } from "../../config/env"
import { RESEND_BATCH_LIMIT, ResendApiError, ResendClient } from "../../modules/resend/client"
import { TwilioApiError, TwilioSmsClient } from "../../modules/twilio/client"
import { WhatsAppApiError, WhatsAppCloudClient } from "../../modules/whatsapp/client"
import { RetryableError, type RetryOptions } from "../http/retry"
import { countedTransports } from "../observability/metrics"
import type { BroadcastTransport, DeliveryResult, NotificationChannel, OutboundMessage } from "./types"

export type BroadcastTransportsConfig = {
  /** Where the local transports write the messages they stand in for. */
  logger: Logger
  /** Email through Resend's batch endpoint; absent -> email is only logged. */
  resend?: { apiKey: string; from: string; apiBase?: string }
  /** SMS through Twilio; absent -> SMS is only logged. */
  twilio?: { accountSid: string; authToken: string; from: string; apiBase?: string }
  /** Text messages through the WhatsApp Cloud API; absent -> WhatsApp is only logged. */
  whatsapp?: { accessToken: string; phoneNumberId: string; apiBase?: string }
  /** Retry timing for every vendor call (tests shorten it). */
  retry?: RetryOptions
}

/** SMS and WhatsApp take one message per API call; a batch is a few calls in a row. */
const ONE_BY_ONE_BATCH_SIZE = 10

/** Used when `EMAIL_FROM` is unset, as for the Resend notification provider. */
export const DEFAULT_EMAIL_FROM = "Naira & Dollar Store <no-reply@example.com>"

/** The transports' configuration from the environment: a vendor is live when all its keys are set. */
export function broadcastTransportsConfigFromEnv(env: Env, logger: Logger): BroadcastTransportsConfig {
  return {
    logger,
    resend: env.RESEND_API_KEY
      ? { apiKey: env.RESEND_API_KEY, from: env.EMAIL_FROM ?? DEFAULT_EMAIL_FROM, apiBase: env.RESEND_API_BASE }
      : undefined,
    twilio:
      env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN && env.TWILIO_FROM
        ? {
            accountSid: env.TWILIO_ACCOUNT_SID,
            authToken: env.TWILIO_AUTH_TOKEN,
            from: env.TWILIO_FROM,
            apiBase: env.TWILIO_API_BASE,
          }
        : undefined,
    whatsapp:
      env.WHATSAPP_ACCESS_TOKEN && env.WHATSAPP_PHONE_NUMBER_ID
        ? {
            accessToken: env.WHATSAPP_ACCESS_TOKEN,
            phoneNumberId: env.WHATSAPP_PHONE_NUMBER_ID,
            apiBase: env.WHATSAPP_API_BASE,
          }
        : undefined,
  }
}

/**
 * One broadcast transport per channel: the vendor's when its keys are
 * configured (`mode: "live"`), else one that logs each message (`mode: "local"`).
 */
export function createBroadcastTransports(
  config: BroadcastTransportsConfig
): Record<NotificationChannel, BroadcastTransport> {
  const { resend, twilio, whatsapp, retry, logger } = config
  const sms = twilio && new TwilioSmsClient({ ...twilio, retry })
  const wa = whatsapp && new WhatsAppCloudClient({ ...whatsapp, retry })
  // Each send's results are counted in notifications_total{kind="broadcast"}.
  return countedTransports({
    email: resend
      ? resendTransport(new ResendClient({ apiKey: resend.apiKey, apiBase: resend.apiBase, retry }), resend.from)
      : localTransport("email", RESEND_BATCH_LIMIT, logger),
    sms: sms
      ? oneByOneTransport("sms", async (message) => (await sms.sendSms(message.to, message.text)).sid)
      : localTransport("sms", ONE_BY_ONE_BATCH_SIZE, logger),
    whatsapp: wa
      ? oneByOneTransport("whatsapp", (message) => wa.sendText(message.to, message.text))
      : localTransport("whatsapp", ONE_BY_ONE_BATCH_SIZE, logger),
  })
}

const retryResult = (error: RetryableError): DeliveryResult => ({ status: "retry", error: error.message })

/** Vendor refusals for good: a 4xx other than 429 (bad address, bad key). */
const isRefusal = (error: unknown): error is MedusaError =>
  error instanceof ResendApiError || error instanceof TwilioApiError || error instanceof WhatsAppApiError

/**
 * Email through Resend's batch endpoint, 100 per call, with permissive validation
 * so one bad address fails alone. The idempotency key covers the batch: sending
 * the same messages with the same key again delivers nothing twice.
 */
function resendTransport(client: ResendClient, from: string): BroadcastTransport {
  return {
    channel: "email",
    batchSize: RESEND_BATCH_LIMIT,
    mode: "live",
    async send(messages, idempotencyKey) {
      const results: DeliveryResult[] = []
      for (let start = 0; start < messages.length; start += RESEND_BATCH_LIMIT) {
        const chunk = messages.slice(start, start + RESEND_BATCH_LIMIT)
        // Longer than one batch (the caller should not, but may): one key per chunk.
        const key = start === 0 ? idempotencyKey : `${idempotencyKey}_${start / RESEND_BATCH_LIMIT}`
        results.push(...(await sendEmailChunk(client, from, chunk, key)))
      }
      return results
    },
  }
}

async function sendEmailChunk(
  client: ResendClient,
  from: string,
  messages: OutboundMessage[],
  idempotencyKey: string
): Promise<DeliveryResult[]> {
  // An email without a subject is refused here, so it does not fail its whole batch.
  const sendable = messages.flatMap((message, index) => (message.subject ? [{ message, index }] : []))
  const results: DeliveryResult[] = messages.map(() => ({ status: "failed", error: "An email needs a subject" }))
  if (!sendable.length) {
    return results
  }
  try {
    const answers = await client.sendBatch(
      sendable.map(({ message }) => ({
        from,
        to: message.to,
        subject: message.subject ?? "",
        text: message.text,
        html: message.html,
        headers: message.headers,
      })),
      idempotencyKey
    )
    answers.forEach((answer, i) => {
      results[sendable[i].index] =
        "id" in answer ? { status: "sent", id: answer.id } : { status: "failed", error: answer.error }
    })
  } catch (error) {
    if (error instanceof RetryableError) {
      sendable.forEach(({ index }) => (results[index] = retryResult(error)))
    } else if (isRefusal(error)) {
      // The whole batch was refused (bad key, bad sender): every email fails with Resend's reason.
      sendable.forEach(({ index }) => (results[index] = { status: "failed", error: error.message }))
    } else {
      throw error
    }
  }
  return results
}

/**
 * One API call per message, in order. A permanent refusal fails that message
 * only; once the vendor is still failing after retries, that message and every
 * later one are answered `retry` without calling it again.
 */
function oneByOneTransport(
  channel: NotificationChannel,
  sendOne: (message: OutboundMessage) => Promise<string>
): BroadcastTransport {
  return {
    channel,
    batchSize: ONE_BY_ONE_BATCH_SIZE,
    mode: "live",
    async send(messages) {
      const results: DeliveryResult[] = []
      for (const message of messages) {
        try {
          results.push({ status: "sent", id: await sendOne(message) })
        } catch (error) {
          if (error instanceof RetryableError) {
            const retry = retryResult(error)
            return [...results, ...messages.slice(results.length).map(() => retry)]
          }
          if (!isRefusal(error)) {
            throw error
          }
          results.push({ status: "failed", error: error.message })
        }
      }
      return results
    },
  }
}

/** Stands in for a vendor without keys: logs each message and reports it sent. */
function localTransport(channel: NotificationChannel, batchSize: number, logger: Logger): BroadcastTransport {
  return {
    channel,
    batchSize,
    mode: "local",
    async send(messages, idempotencyKey) {
      return messages.map((message) => {
        const id = `local_${randomUUID()}`
        const subject = message.subject ? ` subject=${JSON.stringify(message.subject)}` : ""
        const text = JSON.stringify(message.text)
        logger.info(`[broadcast:${channel}] local ${id} (batch ${idempotencyKey}) to=${message.to}${subject} text=${text}`)
        return { status: "sent", id }
      })
    },
  }
}
