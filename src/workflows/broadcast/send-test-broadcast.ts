import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendTestBroadcastStep, SendTestBroadcastStepInput } from "./steps/send-test-broadcast"

export type SendTestBroadcastWorkflowInput = SendTestBroadcastStepInput

export const sendTestBroadcastWorkflowId = "send-test-broadcast"

export const sendTestBroadcastWorkflow = createWorkflow(
  sendTestBroadcastWorkflowId,
  (input: SendTestBroadcastWorkflowInput) => new WorkflowResponse(sendTestBroadcastStep(input))
)
