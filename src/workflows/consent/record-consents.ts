import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ConsentChoice } from "../../modules/consent/service"
import { recordConsentsStep } from "./steps/record-consents"

export type RecordConsentsWorkflowInput = { choices: ConsentChoice[] }

export const recordConsentsWorkflowId = "record-consents"

/** A customer's (or an unsubscribe link's) messaging choices, per channel and purpose. */
export const recordConsentsWorkflow = createWorkflow(
  recordConsentsWorkflowId,
  (input: RecordConsentsWorkflowInput) => new WorkflowResponse(recordConsentsStep(input.choices))
)
