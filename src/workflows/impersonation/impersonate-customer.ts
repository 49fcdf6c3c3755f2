import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  issueImpersonationTokenStep,
  IssueImpersonationTokenStepInput,
} from "./steps/issue-impersonation-token"

export type ImpersonateCustomerWorkflowInput = IssueImpersonationTokenStepInput

export const impersonateCustomerWorkflowId = "impersonate-customer"

export const impersonateCustomerWorkflow = createWorkflow(
  impersonateCustomerWorkflowId,
  (input: ImpersonateCustomerWorkflowInput) => {
    const session = issueImpersonationTokenStep(input)
    emitEventStep({ eventName: "customer.impersonated", data: input })
    return new WorkflowResponse(session)
  }
)
