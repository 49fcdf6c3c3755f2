import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { NotificationChannel } from "../../lib/notifications/types"
import { StaffRoleName } from "../../modules/staff-access/models/staff-role"
import { listAdminRecipientsStep } from "./steps/list-admin-recipients"
import { NotificationToSend, sendNotificationsOnceStep } from "../notifications/steps/send-notifications-once"
import { validateAdminAlertStep } from "./steps/validate-admin-alert"

export type SendAdminAlertWorkflowInput = {
  /** Names the event being alerted about (e.g. `low-stock:<item>:<date>`): the same key never alerts twice. */
  key: string
  title: string
  message: string
  /** A link for the reader: absolute, or a path on the backend such as `/app/orders/<id>`. */
  url?: string
  /** The staff roles it is for; default admins (see listAdminRecipientsStep). */
  roles?: StaffRoleName[]
}

export const sendAdminAlertWorkflowId = "send-admin-alert"

export const ADMIN_ALERT_TEMPLATE = "admin-alert"

/**
 * Alerts the staff: an email to every admin (or to the roles named) and, when ADMIN_ALERT_WHATSAPP_TO
 * is set, a WhatsApp message to that number. Each message carries the key
 * `admin-alert:<key>:<channel>:<address>`, so a redelivered trigger sends
 * nothing new and a retry after a failure sends only what failed.
 */
export const sendAdminAlertWorkflow = createWorkflow(sendAdminAlertWorkflowId, (input: SendAdminAlertWorkflowInput) => {
  const alert = validateAdminAlertStep(input)
  const lockKey = transform({ input }, ({ input }) => `admin-alert:${input.key}`)
  acquireLockStep({ key: lockKey, timeout: 30, ttl: 120 })
  const recipients = listAdminRecipientsStep(transform({ input }, ({ input }) => ({ roles: input.roles })))
  const notifications = transform({ input, alert, recipients }, ({ input, alert, recipients }) => {
    const message = (channel: NotificationChannel, to: string): NotificationToSend => ({
      to,
      channel,
      template: ADMIN_ALERT_TEMPLATE,
      data: alert,
      idempotency_key: `admin-alert:${input.key}:${channel}:${to}`,
    })
    return [
      ...recipients.emails.map((email) => message("email", email)),
      ...(recipients.whatsapp ? [message("whatsapp", recipients.whatsapp)] : []),
    ]
  })
  const sent = sendNotificationsOnceStep(notifications)
  releaseLockStep({ key: lockKey })
  return new WorkflowResponse(sent)
})
