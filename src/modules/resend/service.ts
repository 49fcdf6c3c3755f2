import {
  Logger,
  ProviderSendNotificationDTO,
  ProviderSendNotificationResultsDTO,
} from "@medusajs/framework/types"
import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils"
import type { RetryOptions } from "../../lib/http/retry"
import { renderEmail } from "../../lib/notifications/templates"
import { ResendApiError, ResendClient } from "./client"

export type ResendOptions = {
  apiKey: string
  from: string
  /** Resend's API when unset; a loopback fake in tests. */
  apiBase?: string
  /** Retry timing (tests shorten it); defaults to the shared policy. */
  retry?: RetryOptions
}

/**
 * Email through Resend. The body comes from `content` when the caller gives it
 * (content is handed to the provider and never stored, so secrets such as
 * sign-in codes travel there), else from the named template and `data`.
 * 429, 5xx and network errors are retried with the same idempotency key, so a
 * retried email is sent once.
 */
class ResendNotificationProviderService extends AbstractNotificationProviderService {
  static identifier = "resend"

  protected readonly client_: ResendClient
  protected readonly options_: ResendOptions
  protected readonly logger_: Logger

  static validateOptions(options: Record<string, unknown>) {
    for (const key of ["apiKey", "from"]) {
      if (typeof options[key] !== "string" || !options[key]) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `Resend provider requires the \`${key}\` option`)
      }
    }
  }

  constructor({ logger }: { logger: Logger }, options: ResendOptions) {
    super()
    this.logger_ = logger
    this.options_ = options
    this.client_ = new ResendClient({
      apiKey: options.apiKey,
      apiBase: options.apiBase,
      retry: {
        ...options.retry,
        onRetry: ({ attempt, delayMs, error }) =>
          this.logger_.warn(`Resend: attempt ${attempt} failed (${error.message}); retrying in ${delayMs} ms`),
      },
    })
  }

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    // Content given by the caller (e.g. a sign-in code, never stored) wins over the template.
    const given = notification.content
    const content =
      given?.subject && given.text && given.html
        ? { subject: given.subject, text: given.text, html: given.html }
        : renderEmail(notification.template, notification.data ?? {})
    try {
      const id = await this.client_.sendEmail(
        {
          from: notification.from || this.options_.from,
          to: notification.to,
          subject: content.subject,
          text: content.text,
          html: content.html,
          headers: stringRecord(notification.provider_data?.headers),
        },
        idempotencyKeyOf(notification)
      )
      return { id }
    } catch (error) {
      // A refusal (bad address, bad key) is the caller's data; anything else is Resend being unavailable.
      throw new MedusaError(
        error instanceof ResendApiError ? MedusaError.Types.INVALID_DATA : MedusaError.Types.UNEXPECTED_STATE,
        `Resend refused the email to ${notification.to}: ${error instanceof Error ? error.message : String(error)}`
      )
    }
  }
}

/**
 * Callers that may retry pass `provider_data.idempotency_key`; otherwise the
 * notification's own idempotency key or id (the module hands the whole record
 * to the provider), so every retry of this send carries the same key.
 */
function idempotencyKeyOf(notification: ProviderSendNotificationDTO): string | undefined {
  const record: Record<string, unknown> = { ...notification }
  for (const candidate of [notification.provider_data?.idempotency_key, record.idempotency_key, record.id]) {
    if (typeof candidate === "string" && candidate) {
      return candidate
    }
  }
  return undefined
}

/** `provider_data.headers` when it is a string-to-string map (e.g. `List-Unsubscribe`). */
function stringRecord(value: unknown): Record<string, string> | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return undefined
  }
  const entries = Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string")
  return entries.length ? Object.fromEntries(entries) : undefined
}

export default ResendNotificationProviderService
