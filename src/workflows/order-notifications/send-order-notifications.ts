import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendNotificationsOnceStep } from "../notifications/steps/send-notifications-once"
import { buildOrderNotificationsStep, BuildOrderNotificationsStepInput } from "./steps/build-order-notifications"

export type SendOrderNotificationsWorkflowInput = BuildOrderNotificationsStepInput

export const sendOrderNotificationsWorkflowId = "send-order-notifications"

/** Tells the customer about a step in their order's life, once per event and channel. */
export const sendOrderNotificationsWorkflow = createWorkflow(
  sendOrderNotificationsWorkflowId,
  (input: SendOrderNotificationsWorkflowInput) => {
    const notifications = buildOrderNotificationsStep(input)
    return new WorkflowResponse(sendNotificationsOnceStep(notifications))
  }
)
