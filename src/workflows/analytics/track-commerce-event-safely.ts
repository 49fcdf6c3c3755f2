import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CommerceEventInput } from "./utils/commerce-events"
import { trackCommerceEventWorkflow } from "./track-commerce-event"

/**
 * Runs track-commerce-event for a subscriber or a finished request. Analytics
 * is a side channel: a provider that is down or slow is logged as a warning
 * and never fails, or holds up, the commerce action that caused the event.
 */
export async function trackCommerceEventSafely(container: MedusaContainer, input: CommerceEventInput): Promise<void> {
  try {
    await trackCommerceEventWorkflow(container).run({ input })
  } catch (error) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`Analytics event ${input.event} (${input.id ?? input.handle}) not tracked: ${(error as Error).message}`)
  }
}
