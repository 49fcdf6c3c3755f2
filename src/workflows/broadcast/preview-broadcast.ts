import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { previewBroadcastStep, PreviewBroadcastStepInput } from "./steps/preview-broadcast"
import { validateBroadcastContentStep } from "./steps/validate-broadcast-content"

export type PreviewBroadcastWorkflowInput = PreviewBroadcastStepInput

export const previewBroadcastWorkflowId = "preview-broadcast"

export const previewBroadcastWorkflow = createWorkflow(
  previewBroadcastWorkflowId,
  (input: PreviewBroadcastWorkflowInput) => {
    validateBroadcastContentStep(input)
    return new WorkflowResponse(previewBroadcastStep(input))
  }
)
