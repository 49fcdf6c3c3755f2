import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createFxRateStep, CreateFxRateStepInput } from "./steps/create-fx-rate"

export type CreateFxRateWorkflowInput = CreateFxRateStepInput

export const createFxRateWorkflowId = "create-fx-rate"

/** Records a rate; prices change only when staff reprice (POST /admin/fx-rates/reprice). */
export const createFxRateWorkflow = createWorkflow(
  createFxRateWorkflowId,
  (input: CreateFxRateWorkflowInput) => {
    const rate = createFxRateStep(input)
    return new WorkflowResponse(rate)
  }
)
