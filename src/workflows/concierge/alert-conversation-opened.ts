import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendAdminAlertWorkflow } from "../admin-alerts/send-admin-alert"
import { buildConversationAlertStep } from "./steps/build-conversation-alert"

export const alertConversationOpenedWorkflowId = "alert-conversation-opened"

/** Tells the concierge staff (admins when there are none) about a new conversation; once per conversation. */
export const alertConversationOpenedWorkflow = createWorkflow(
  alertConversationOpenedWorkflowId,
  (input: { id: string }) => {
    const alert = buildConversationAlertStep(input)
    const sent = sendAdminAlertWorkflow.runAsStep({ input: alert })
    return new WorkflowResponse(sent)
  }
)
