import { FilterableCustomerProps } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { phoneSpellings } from "../../../lib/phone"
import { CONCIERGE_MODULE } from "../../../modules/concierge"
import ConciergeModuleService from "../../../modules/concierge/service"

export const linkConversationCustomersStepId = "link-conversation-customers"

/**
 * Links conversations that began in WhatsApp to the customer with that phone
 * number, preferring a registered account, so staff see who is writing.
 */
export const linkConversationCustomersStep = createStep(
  linkConversationCustomersStepId,
  async (conversationIds: string[], { container }) => {
    if (!conversationIds.length) {
      return new StepResponse(0)
    }
    const concierge = container.resolve<ConciergeModuleService>(CONCIERGE_MODULE)
    const customers = container.resolve(Modules.CUSTOMER)
    const conversations = await concierge.listConciergeConversations(
      { id: conversationIds, customer_id: null },
      { select: ["id", "customer_phone"] }
    )
    let linked = 0
    for (const conversation of conversations) {
      // `phone` is a column the module filters on, though its filter type leaves it out.
      const byPhone = { phone: phoneSpellings(conversation.customer_phone) } as FilterableCustomerProps
      const matches = await customers.listCustomers(
        byPhone,
        { select: ["id", "has_account", "created_at"], order: { created_at: "ASC" }, take: 10 }
      )
      const customer = matches.find((c) => c.has_account) ?? matches[0]
      if (customer) {
        await concierge.updateConciergeConversations({ id: conversation.id, customer_id: customer.id })
        linked++
      }
    }
    return new StepResponse(linked)
  }
)
