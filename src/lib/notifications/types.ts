export const NOTIFICATION_CHANNELS = ["email", "sms", "whatsapp"] as const
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number]

/** A message rendered for one channel: email has a subject and HTML, SMS/WhatsApp only text. */
export type RenderedMessage = { subject?: string; text: string; html?: string }

/** A rendered message addressed to one recipient (email address or E.164 phone). */
export type OutboundMessage = RenderedMessage & {
  to: string
  /** Extra email headers, e.g. `List-Unsubscribe`. */
  headers?: Record<string, string>
}

export type DeliveryResult =
  | { status: "sent"; id: string }
  /** The provider refused this message for good (a 4xx other than 429): do not retry. */
  | { status: "failed"; error: string }
  /** Still failing after retries (429, 5xx, network): try again on a later run. */
  | { status: "retry"; error: string }

/** Sends broadcast messages over one channel, in batches the provider accepts. */
export interface BroadcastTransport {
  readonly channel: NotificationChannel
  /** Most messages one `send` call takes (Resend's batch endpoint: 100). */
  readonly batchSize: number
  /** `live` when the vendor is configured; `local` when messages are only logged. */
  readonly mode: "live" | "local"
  /**
   * One result per message, in order. The same `idempotencyKey` with the same
   * messages must not deliver twice where the vendor supports idempotency.
   */
  send(messages: OutboundMessage[], idempotencyKey: string): Promise<DeliveryResult[]>
}
