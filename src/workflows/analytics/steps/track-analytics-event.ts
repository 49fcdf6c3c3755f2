import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AnalyticsEvent } from "./describe-commerce-event"

export const trackAnalyticsEventStepId = "track-analytics-event"

/** Hands the event to Medusa's Analytics Module, whose one provider (local or PostHog) sends it on. */
export const trackAnalyticsEventStep = createStep(
  trackAnalyticsEventStepId,
  async (event: AnalyticsEvent, { container }) => {
    await container.resolve(Modules.ANALYTICS).track(event)
    return new StepResponse(event.event)
  }
)
