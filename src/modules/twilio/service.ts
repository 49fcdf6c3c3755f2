import {
  Logger,
  ProviderSendNotificationDTO,
  ProviderSendNotificationResultsDTO,
} from "@medusajs/framework/types"
import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils"
import type { RetryOptions } from "../../lib/http/retry"
import { renderTemplate } from "../../lib/notifications/templates"
import { TwilioApiError, TwilioSmsClient } from "./client"

export type TwilioOptions = {
  accountSid: string
  authToken: string
  /** Sender: an E.164 number, or a Messaging Service SID (`MG...`). */
  from: string
  /** `https://api.twilio.com` when unset; a loopback fake in tests. */
  apiBase?: string
  /** Retry timing (tests shorten it); defaults to the shared policy. */
  retry?: RetryOptions
}

/** SMS through Twilio: the body is `content.text` when given, else the named template rendered for SMS. */
class TwilioNotificationProviderService extends AbstractNotificationProviderService {
  static identifier = "twilio"

  protected readonly client_: TwilioSmsClient
  protected readonly logger_: Logger

  static validateOptions(options: Record<string, unknown>) {
    for (const key of ["accountSid", "authToken", "from"]) {
      if (typeof options[key] !== "string" || !options[key]) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `Twilio provider requires the \`${key}\` option`)
      }
    }
    if (!String(options.accountSid).startsWith("AC")) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "Twilio `accountSid` must start with AC")
    }
  }

  constructor({ logger }: { logger: Logger }, options: TwilioOptions) {
    super()
    this.logger_ = logger
    this.client_ = new TwilioSmsClient({
      accountSid: options.accountSid,
      authToken: options.authToken,
      from: options.from,
      apiBase: options.apiBase,
      retry: {
        ...options.retry,
        onRetry: ({ attempt, delayMs, error }) =>
          this.logger_.warn(`Twilio: attempt ${attempt} failed (${error.message}); retrying in ${delayMs} ms`),
      },
    })
  }

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    const body =
      notification.content?.text || renderTemplate(notification.template, "sms", notification.data ?? {}).text
    try {
      const message = await this.client_.sendSms(notification.to, body)
      return { id: message.sid }
    } catch (error) {
      throw new MedusaError(
        error instanceof TwilioApiError ? MedusaError.Types.INVALID_DATA : MedusaError.Types.UNEXPECTED_STATE,
        `Twilio refused the SMS to ${notification.to}: ${error instanceof Error ? error.message : String(error)}`
      )
    }
  }
}

export default TwilioNotificationProviderService
