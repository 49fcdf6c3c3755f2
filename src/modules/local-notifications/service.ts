import { Logger, ProviderSendNotificationDTO, ProviderSendNotificationResultsDTO } from "@medusajs/framework/types"
import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils"

export type LocalNotificationOptions = {
  channels: string[]
  /**
   * Log what the message says (subject and text), so a developer without vendor
   * keys can read e.g. a sign-in code. Off in production, where logs must not
   * carry message content.
   */
  showContent?: boolean
}

/**
 * Stands in for Resend, Twilio or WhatsApp on channels without keys: logs each
 * message instead of sending it, like Medusa's `notification-local`, and in
 * development also its content (Medusa's logs only `data`, and sign-in codes
 * travel in `content` only).
 */
class LocalNotificationProviderService extends AbstractNotificationProviderService {
  static identifier = "local-log"

  protected readonly logger_: Logger
  protected readonly showContent_: boolean

  constructor({ logger }: { logger: Logger }, options: LocalNotificationOptions) {
    super()
    this.logger_ = logger
    this.showContent_ = !!options.showContent
  }

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    if (!notification?.to) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "A notification needs a recipient")
    }
    const header = `Local ${notification.channel} to ${notification.to} (template ${notification.template}), not sent: no provider keys`
    const content = notification.content
    const body = this.showContent_ && content ? [content.subject, content.text].filter(Boolean).join("\n") : ""
    this.logger_.info(body ? `${header}:\n${body}` : header)
    return {}
  }
}

export default LocalNotificationProviderService
