import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CONCIERGE_MODULE } from "../../../modules/concierge"
import ConciergeModuleService from "../../../modules/concierge/service"
import { SendAdminAlertWorkflowInput } from "../../admin-alerts/send-admin-alert"

const EXCERPT_LENGTH = 280

export const buildConversationAlertStepId = "build-conversation-alert"

/** The staff alert for a conversation just opened: who, about what, their first words, and when a reply is due. */
export const buildConversationAlertStep = createStep(
  buildConversationAlertStepId,
  async ({ id }: { id: string }, { container }) => {
    const concierge = container.resolve<ConciergeModuleService>(CONCIERGE_MODULE)
    const conversation = await concierge.retrieveConciergeConversation(id)
    const [first] = await concierge.listConciergeMessages(
      { conversation_id: id, direction: "inbound" },
      { order: { sent_at: "ASC" }, take: 1 }
    )
    const words = (first?.text ?? "").trim()
    const excerpt = words.length > EXCERPT_LENGTH ? `${words.slice(0, EXCERPT_LENGTH - 1)}…` : words
    const about = [conversation.topic, conversation.order_id && `order ${conversation.order_id}`]
      .filter(Boolean)
      .join(", ")
    const due = conversation.first_response_due_at ? new Date(conversation.first_response_due_at).toISOString() : null
    const alert: SendAdminAlertWorkflowInput = {
      key: `concierge-conversation:${id}`,
      title: `New concierge conversation ${conversation.reference}`,
      message: [
        `${conversation.profile_name ?? "A customer"} (${conversation.customer_phone}) ${
          conversation.origin === "storefront" ? "asked for help from the store" : "wrote on WhatsApp"
        }${about ? ` about ${about}` : ""}.`,
        excerpt && `"${excerpt}"`,
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
