import {
  Logger,
  ProviderSendNotificationDTO,
  ProviderSendNotificationResultsDTO,
} from "@medusajs/framework/types"
import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils"
import type { RetryOptions } from "../../lib/http/retry"
import { renderTemplate } from "../../lib/notifications/templates"
import { WhatsAppApiError, WhatsAppCloudClient } from "./client"
import type { WhatsAppTemplate, WhatsAppTemplateComponent } from "./types"

export type WhatsAppOptions = {
  accessToken: string
  phoneNumberId: string
  /** `https://graph.facebook.com` when unset; a loopback fake in tests. */
  apiBase?: string
  /** Retry timing (tests shorten it); defaults to the shared policy. */
  retry?: RetryOptions
}

/**
 * WhatsApp through the Cloud API. With `data.whatsapp_template`
 * (`{ name, language, components? }`) it sends that approved template, which
 * reaches a customer outside the 24 h service window; otherwise a text message
 * from `content.text`, else the named template rendered for WhatsApp.
 */
class WhatsAppNotificationProviderService extends AbstractNotificationProviderService {
  static identifier = "whatsapp"

  protected readonly client_: WhatsAppCloudClient
  protected readonly logger_: Logger

  static validateOptions(options: Record<string, unknown>) {
    for (const key of ["accessToken", "phoneNumberId"]) {
      if (typeof options[key] !== "string" || !options[key]) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `WhatsApp provider requires the \`${key}\` option`)
      }
    }
  }

  constructor({ logger }: { logger: Logger }, options: WhatsAppOptions) {
    super()
    this.logger_ = logger
    this.client_ = new WhatsAppCloudClient({
      accessToken: options.accessToken,
      phoneNumberId: options.phoneNumberId,
      apiBase: options.apiBase,
      retry: {
        ...options.retry,
        onRetry: ({ attempt, delayMs, error }) =>
          this.logger_.warn(`WhatsApp: attempt ${attempt} failed (${error.message}); retrying in ${delayMs} ms`),
      },
    })
  }

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    const data = notification.data ?? {}
    const template = templateOf(data.whatsapp_template)
    try {
      const id = template
        ? await this.client_.sendTemplate(notification.to, template.name, template.language, template.components)
        : await this.client_.sendText(
            notification.to,
            notification.content?.text || renderTemplate(notification.template, "whatsapp", data).text
          )
      return { id }
    } catch (error) {
      throw new MedusaError(
        error instanceof WhatsAppApiError ? MedusaError.Types.INVALID_DATA : MedusaError.Types.UNEXPECTED_STATE,
        `WhatsApp refused the message to ${notification.to}: ${error instanceof Error ? error.message : String(error)}`
      )
    }
  }
}

/** `data.whatsapp_template`, checked: a name and a language are required. */
function templateOf(value: unknown): WhatsAppTemplate | undefined {
  if (value === undefined || value === null) {
    return undefined
  }
  const record = typeof value === "object" && !Array.isArray(value) ? { ...value } : {}
  const { name, language, components } = record as Record<string, unknown>
  if (typeof name !== "string" || !name || typeof language !== "string" || !language) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "`data.whatsapp_template` needs a `name` and a `language` (e.g. { name: \"order_update\", language: \"en\" })"
    )
  }
  if (components !== undefined && !Array.isArray(components)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "`data.whatsapp_template.components` must be an array")
  }
  return { name, language, components: components as WhatsAppTemplateComponent[] | undefined }
}

export default WhatsAppNotificationProviderService
