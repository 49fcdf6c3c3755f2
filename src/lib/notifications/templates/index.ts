import { MedusaError } from "@medusajs/framework/utils"
import { NOTIFICATION_CHANNELS, NotificationChannel, RenderedMessage } from "../types"
import { adminAlertTemplate } from "./admin-alert"
import { adminDigestTemplate } from "./admin-digest"
import { adminOtpTemplate } from "./admin-otp"
import { broadcastTemplate } from "./broadcast"
import { RenderedEmail, Template } from "./define"
import { orderCanceledTemplate } from "./order-canceled"
import { orderDeliveredTemplate } from "./order-delivered"
import { orderPaidTemplate } from "./order-paid"
import { orderPlacedTemplate } from "./order-placed"
import { orderRefundedTemplate } from "./order-refunded"
import { orderShippedTemplate } from "./order-shipped"

export { BROADCAST_VARIABLES, validateBroadcastBody } from "./broadcast"
export type { RenderedEmail } from "./define"
export { OrderMessageDataSchema } from "./order-data"
export type { OrderMessageData } from "./order-data"

/** Every message the store sends, by template name (one file each in this folder). */
const TEMPLATES = {
  "admin-otp": adminOtpTemplate,
  "admin-alert": adminAlertTemplate,
  "admin-digest": adminDigestTemplate,
  broadcast: broadcastTemplate,
  "order-placed": orderPlacedTemplate,
  "order-paid": orderPaidTemplate,
  "order-shipped": orderShippedTemplate,
  "order-delivered": orderDeliveredTemplate,
  "order-canceled": orderCanceledTemplate,
  "order-refunded": orderRefundedTemplate,
} satisfies Record<string, Template>

export type TemplateName = keyof typeof TEMPLATES
export const TEMPLATE_NAMES = Object.keys(TEMPLATES) as TemplateName[]

const isTemplateName = (name: string): name is TemplateName => Object.prototype.hasOwnProperty.call(TEMPLATES, name)

function templateFor(name: string): Template {
  if (!isTemplateName(name)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Unknown message template "${name}"`)
  }
  return TEMPLATES[name]
}

/**
 * A message for one channel: email gets a subject, text and HTML; SMS and WhatsApp
 * short text only. Unknown templates, channels or data: MedusaError INVALID_DATA.
 */
export function renderTemplate(
  template: string,
  channel: NotificationChannel,
  data: Record<string, unknown>
): RenderedMessage {
  const render = templateFor(template)
  if (!(NOTIFICATION_CHANNELS as readonly string[]).includes(channel)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Unknown notification channel "${channel}"`)
  }
  return channel === "email" ? render.email(data) : { text: render.short(data) }
}

/** The email form of a template (subject, text and HTML). */
export function renderEmail(template: string, data: Record<string, unknown>): RenderedEmail {
  return templateFor(template).email(data)
}
