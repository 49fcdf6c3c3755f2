import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordActivityStep, RecordActivityStepInput } from "./steps/record-activity"

export type RecordActivityWorkflowInput = RecordActivityStepInput

export const recordActivityWorkflowId = "record-activity"

export const recordActivityWorkflow = createWorkflow(recordActivityWorkflowId, (input: RecordActivityWorkflowInput) => {
  const events = recordActivityStep(input)
  return new WorkflowResponse(events)
})
