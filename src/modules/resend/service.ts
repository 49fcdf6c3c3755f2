import {
  Logger,
  ProviderSendNotificationDTO,
  ProviderSendNotificationResultsDTO,
} from "@medusajs/framework/types"
import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils"
import { Resend } from "resend"
import { renderEmail } from "../../lib/notifications/templates"

export type ResendOptions = {
  apiKey: string
  from: string
  /** Resend's API when unset; a loopback fake in tests. */
  apiBase?: string
}

/**
 * Email through Resend. The body comes from `content` when the caller gives it
 * (content is handed to the provider and never stored, so secrets such as
 * sign-in codes travel there), else from the named template and `data`.
 */
class ResendNotificationProviderService extends AbstractNotificationProviderService {
  static identifier = "resend"

  protected readonly client_: Resend
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
    this.client_ = new Resend(options.apiKey, options.apiBase ? { baseUrl: options.apiBase } : undefined)
  }

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    // Content given by the caller (e.g. a sign-in code, never stored) wins over the template.
    const given = notification.content
    const content =
      given?.subject && given.text && given.html
        ? { subject: given.subject, text: given.text, html: given.html }
        : renderEmail(notification.template, notification.data ?? {})
    // Callers that may retry pass `provider_data.idempotency_key`; Resend then sends once.
    const idempotencyKey =
      typeof notification.provider_data?.idempotency_key === "string"
        ? notification.provider_data.idempotency_key
        : undefined
    const { data, error } = await this.client_.emails.send(
      {
        from: notification.from || this.options_.from,
        to: [notification.to],
        subject: content.subject,
        text: content.text,
        html: content.html,
      },
      idempotencyKey ? { idempotencyKey } : undefined
    )
    if (error || !data) {
      throw new MedusaError(
        MedusaError.Types.UNEXPECTED_STATE,
        `Resend refused the email to ${notification.to}: ${error?.message ?? "no id returned"}`
      )
    }
    return { id: data.id }
  }
}

export default ResendNotificationProviderService
