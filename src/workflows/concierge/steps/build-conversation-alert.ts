import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CONCIERGE_MODULE } from "../../../modules/concierge"
import ConciergeModuleService from "../../../modules/concierge/service"
import { SendAdminAlertWorkflowInput } from "../../admin-alerts/send-admin-alert"

export const buildConversationAlertStepId = "build-conversation-alert"

/**
 * The staff alert for a conversation just opened: its reference, what it is
 * about and when a reply is due. No phone number or message text: the alert is
 * stored as a notification record, which a customer's erase does not reach;
 * staff read the rest behind the link.
 */
export const buildConversationAlertStep = createStep(
  buildConversationAlertStepId,
  async ({ id }: { id: string }, { container }) => {
    const concierge = container.resolve<ConciergeModuleService>(CONCIERGE_MODULE)
    const conversation = await concierge.retrieveConciergeConversation(id)
    const about = [conversation.topic, conversation.order_id && `order ${conversation.order_id}`]
      .filter(Boolean)
      .join(", ")
    const due = conversation.first_response_due_at ? new Date(conversation.first_response_due_at).toISOString() : null
    const alert: SendAdminAlertWorkflowInput = {
      key: `concierge-conversation:${id}`,
      title: `New concierge conversation ${conversation.reference}`,
      message: [
        `A customer ${conversation.origin === "storefront" ? "asked for help from the store" : "wrote on WhatsApp"}${
          about ? ` about ${about}` : ""
        }.`,
        due && `First reply due by ${due}.`,
      ]
        .filter(Boolean)
        .join("\n"),
      url: `/app/concierge/${id}`,
      roles: ["concierge"],
    }
    return new StepResponse(alert)
  }
)
