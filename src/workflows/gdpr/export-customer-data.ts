import { createWorkflow, parallelize, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { collectAddressesStep } from "./steps/collect-addresses"
import { collectAuthIdentitiesStep } from "./steps/collect-auth-identities"
import { collectCartsStep } from "./steps/collect-carts"
import { collectCustomerStep } from "./steps/collect-customer"
import { collectNotificationsStep } from "./steps/collect-notifications"
import { collectOrdersStep } from "./steps/collect-orders"
import { collectPaymentAccountHoldersStep } from "./steps/collect-payment-account-holders"
import { EXPORT_SOURCES } from "./utils/export-sources"

export type ExportCustomerDataWorkflowInput = { customer_id: string }

export const exportCustomerDataWorkflowId = "export-customer-data"

/**
 * Every record this system holds about a customer, one step per source. The
 * customer step runs first so an unknown id is a 404 before anything else is read.
 */
export const exportCustomerDataWorkflow = createWorkflow(
  exportCustomerDataWorkflowId,
  (input: ExportCustomerDataWorkflowInput) => {
    const customer = collectCustomerStep(input)
    const contact = transform({ input, customer }, ({ input, customer }) => ({
      customer_id: input.customer_id,
      email: customer.email,
      phone: customer.phone,
    }))
    const [addresses, orders, carts, paymentAccountHolders, notifications, authIdentities] = parallelize(
      collectAddressesStep(input),
      collectOrdersStep(input),
      collectCartsStep(input),
      collectPaymentAccountHoldersStep(input),
      collectNotificationsStep(contact),
      collectAuthIdentitiesStep(input)
    )
    const exported = transform(
      { customer, addresses, orders, carts, paymentAccountHolders, notifications, authIdentities },
      (data) => ({
        generated_at: new Date().toISOString(),
        sources: EXPORT_SOURCES,
        customer: data.customer,
        addresses: data.addresses,
        orders: data.orders,
        carts: data.carts,
        payment_account_holders: data.paymentAccountHolders,
        notifications: data.notifications,
        auth_identities: data.authIdentities,
        consents: [],
        concierge_conversations: [],
        activity: [],
      })
    )
    return new WorkflowResponse(exported)
  }
)
