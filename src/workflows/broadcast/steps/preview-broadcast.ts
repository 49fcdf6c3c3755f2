import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import { RenderedMessage } from "../../../lib/notifications/types"
import { BroadcastAudience, listRecipients } from "../utils/audience"
import { BroadcastContent, renderBroadcastFor } from "../utils/render"

export type PreviewBroadcastStepInput = BroadcastContent & { audience: BroadcastAudience }

export type BroadcastPreview = {
  audience_size: number
  skipped_opted_out: number
  rendered: RenderedMessage
}

const SAMPLE_CUSTOMER = { id: "cus_preview", email: "ada@example.com", first_name: "Ada", last_name: "Okafor" }

export const previewBroadcastStepId = "preview-broadcast"

/** How many customers would receive the broadcast now, and the message as the first of them sees it. */
export const previewBroadcastStep = createStep(
  previewBroadcastStepId,
  async (input: PreviewBroadcastStepInput, { container }) => {
    const recipients = await listRecipients(container, input.audience, input.channel)
    const queued = recipients.filter((r) => r.status === "queued")
    const [first] = queued.length
      ? await container
          .resolve(Modules.CUSTOMER)
          .listCustomers({ id: queued[0].customer_id }, { select: ["id", "email", "first_name", "last_name"] })
      : [SAMPLE_CUSTOMER]
    const { subject, text, html } = renderBroadcastFor(input, first, queued[0]?.address ?? SAMPLE_CUSTOMER.email)
    const preview: BroadcastPreview = {
      audience_size: queued.length,
      skipped_opted_out: recipients.length - queued.length,
      rendered: { subject, text, html },
    }
    return new StepResponse(preview)
  }
)
