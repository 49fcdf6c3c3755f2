import { MedusaError } from "@medusajs/framework/utils"
import { createStep } from "@medusajs/framework/workflows-sdk"
import { validateBroadcastBody } from "../../../lib/notifications/templates"
import { NotificationChannel } from "../../../lib/notifications/types"

export type ValidateBroadcastContentStepInput = {
  channel: NotificationChannel
  subject?: string | null
  body: string
  scheduled_at?: Date | null
}

export const validateBroadcastContentStepId = "validate-broadcast-content"

export const validateBroadcastContentStep = createStep(
  validateBroadcastContentStepId,
  async ({ channel, subject, body, scheduled_at }: ValidateBroadcastContentStepInput) => {
    if (channel === "email" && !subject?.trim()) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "subject: an email broadcast needs a subject")
    }
    const unknown = [...validateBroadcastBody(body), ...validateBroadcastBody(subject ?? "")]
    if (unknown.length) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `body: unknown variables ${unknown.map((name) => `{{${name}}}`).join(", ")}; use {{first_name}}, {{last_name}} or {{email}}`
      )
    }
    if (scheduled_at && new Date(scheduled_at).getTime() < Date.now() - 60_000) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "scheduled_at: must not be in the past")
    }
  }
)
