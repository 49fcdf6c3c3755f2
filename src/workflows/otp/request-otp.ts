import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { issueOtpStep } from "./steps/issue-otp"
import { sendOtpStep } from "./steps/send-otp"

export type RequestOtpWorkflowInput = { email: string }

export const requestOtpWorkflowId = "request-otp"

/** Issues and emails a sign-in code to an admin; does nothing for unknown emails. */
export const requestOtpWorkflow = createWorkflow(requestOtpWorkflowId, (input: RequestOtpWorkflowInput) => {
  const issued = issueOtpStep(input)
  sendOtpStep(issued)
  return new WorkflowResponse(void 0)
})
