import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import { RenderedMessage } from "../../../lib/notifications/types"
import { ListedRecipient } from "../../../modules/broadcast/service"
import { BroadcastAudience, recipientPages } from "../utils/audience"
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
    let queued = 0
    let skipped = 0
    let sample: ListedRecipient | undefined
    for await (const page of recipientPages(container, input.audience, input.channel)) {
      for (const recipient of page) {
        if (recipient.status === "queued") {
          queued += 1
          sample ??= recipient
        } else {
          skipped += 1
        }
      }
    }
    const [first] = sample
      ? await container
          .resolve(Modules.CUSTOMER)
          .listCustomers({ id: sample.customer_id }, { select: ["id", "email", "first_name", "last_name"] })
      : [SAMPLE_CUSTOMER]
    const { subject, text, html } = renderBroadcastFor(input, first, sample?.address ?? SAMPLE_CUSTOMER.email)
    const preview: BroadcastPreview = {
      audience_size: queued,
      skipped_opted_out: skipped,
      rendered: { subject, text, html },
    }
    return new StepResponse(preview)
  }
)
