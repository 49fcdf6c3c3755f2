import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createBroadcastStep, CreateBroadcastStepInput } from "./steps/create-broadcast"
import { validateBroadcastContentStep } from "./steps/validate-broadcast-content"

export type CreateBroadcastWorkflowInput = CreateBroadcastStepInput

export const createBroadcastWorkflowId = "create-broadcast"

/** Saves a draft broadcast after checking its template. */
export const createBroadcastWorkflow = createWorkflow(
  createBroadcastWorkflowId,
  (input: CreateBroadcastWorkflowInput) => {
    validateBroadcastContentStep(input)
    return new WorkflowResponse(createBroadcastStep(input))
  }
)
