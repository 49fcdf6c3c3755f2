import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { CommerceEventInput } from "./utils/commerce-events"
import { AnalyticsEvent, describeCommerceEventStep } from "./steps/describe-commerce-event"
import { trackAnalyticsEventStep } from "./steps/track-analytics-event"

export type TrackCommerceEventWorkflowInput = CommerceEventInput

export const trackCommerceEventWorkflowId = "track-commerce-event"

/**
 * Forwards one commerce event (see utils/commerce-events.ts) to the Analytics
 * Module, with properties read from the cart, order, payment or product it
 * names. Nothing is tracked when that record no longer exists.
 */
export const trackCommerceEventWorkflow = createWorkflow(
  trackCommerceEventWorkflowId,
  (input: TrackCommerceEventWorkflowInput) => {
    const event = describeCommerceEventStep(input)
    const tracked = when({ event }, ({ event }) => !!event).then(() =>
      trackAnalyticsEventStep(transform({ event }, ({ event }) => event as AnalyticsEvent))
    )
    const result = transform({ tracked }, ({ tracked }) => ({ tracked: tracked ?? null }))
    return new WorkflowResponse(result)
  }
)
