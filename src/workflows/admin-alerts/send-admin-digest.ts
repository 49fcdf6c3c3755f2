import { createWorkflow, parallelize, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { buildAdminDigestStep } from "./steps/build-admin-digest"
import { countOpenConversationsStep } from "./steps/count-open-conversations"
import { listAdminRecipientsStep } from "./steps/list-admin-recipients"
import { listLowStockItemsStep } from "./steps/list-low-stock-items"
import { resolveDigestDayStep } from "./steps/resolve-digest-day"
import { NotificationToSend, sendNotificationsOnceStep } from "../notifications/steps/send-notifications-once"
import { summarizeOrdersStep } from "./steps/summarize-orders"

export type { AdminDigestData } from "./steps/build-admin-digest"

export type SendAdminDigestWorkflowInput = {
  /** The store-local day to report on, `YYYY-MM-DD`; default yesterday in STORE_TIMEZONE. */
  date?: string
}

export const sendAdminDigestWorkflowId = "send-admin-digest"

export const ADMIN_DIGEST_TEMPLATE = "admin-digest"

/**
 * Emails every admin a summary of one store day: orders and revenue per
 * currency (canceled and draft orders left out), low-stock items now, and
 * open concierge conversations now. Each email is keyed
 * `admin-digest:<date>:<email>`, so a day's digest goes out once per admin.
 */
export const sendAdminDigestWorkflow = createWorkflow(
  sendAdminDigestWorkflowId,
  (input: SendAdminDigestWorkflowInput) => {
    const day = resolveDigestDayStep(input)
    const lockKey = transform({ day }, ({ day }) => `admin-digest:${day.date}`)
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 300 })
    const [revenue, lowStock, openConversations, recipients] = parallelize(
      summarizeOrdersStep(day),
      listLowStockItemsStep(),
      countOpenConversationsStep(),
      listAdminRecipientsStep({})
    )
    const digest = buildAdminDigestStep({
      day,
      revenue,
      low_stock: lowStock,
      open_conversations: openConversations,
    })
    const notifications = transform({ digest, recipients }, ({ digest, recipients }) =>
      recipients.emails.map(
        (email): NotificationToSend => ({
          to: email,
          channel: "email",
          template: ADMIN_DIGEST_TEMPLATE,
          data: digest,
          idempotency_key: `admin-digest:${digest.date}:${email}`,
        })
      )
    )
    const sent = sendNotificationsOnceStep(notifications)
    releaseLockStep({ key: lockKey })
    const result = transform({ digest, sent }, ({ digest, sent }) => ({ digest, ...sent }))
    return new WorkflowResponse(result)
  }
)
