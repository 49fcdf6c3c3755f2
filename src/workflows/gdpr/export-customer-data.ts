import { createWorkflow, parallelize, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { collectActivityStep } from "./steps/collect-activity"
import { collectAuthIdentitiesStep } from "./steps/collect-auth-identities"
import { collectConciergeConversationsStep } from "./steps/collect-concierge-conversations"
import { collectConsentsStep } from "./steps/collect-consents"
import { collectNotificationsStep } from "./steps/collect-notifications"
import { CART_EXPORT_FIELDS, CUSTOMER_EXPORT_FIELDS, ORDER_EXPORT_FIELDS } from "./utils/export-fields"
import { EXPORT_SOURCES } from "./utils/export-sources"
import { PaymentRow, paymentSummary } from "./utils/payment-summary"

export type ExportCustomerDataWorkflowInput = { customer_id: string }

type CustomerRow = Record<string, unknown> & {
  email: string | null
  phone: string | null
  groups?: unknown[] | null
  addresses?: unknown[] | null
  account_holders?: unknown[] | null
}

type OrderRow = Record<string, unknown> & {
  payment_collections?: (Record<string, unknown> & { payments?: PaymentRow[] | null })[] | null
}

export const exportCustomerDataWorkflowId = "export-customer-data"

/**
 * Every record this system holds about a customer. The customer (with its
 * addresses and account holders) is read first, so an unknown id is a 404
 * before anything else is read.
 */
export const exportCustomerDataWorkflow = createWorkflow(
  exportCustomerDataWorkflowId,
  (input: ExportCustomerDataWorkflowInput) => {
    const { data: customers } = useQueryGraphStep({
      entity: "customer",
      fields: CUSTOMER_EXPORT_FIELDS,
      filters: { id: input.customer_id },
      options: { throwIfKeyNotFound: true },
    }).config({ name: "collect-customer" })
    const customer = transform({ customers }, ({ customers }) => customers[0] as unknown as CustomerRow)
    const contact = transform({ input, customer }, ({ input, customer }) => ({
      customer_id: input.customer_id,
      email: customer.email,
      phone: customer.phone,
    }))
    const [{ data: orders }, { data: carts }, notifications, authIdentities, messaging, activity, concierge] = parallelize(
      useQueryGraphStep({
        entity: "order",
        fields: ORDER_EXPORT_FIELDS,
        filters: { customer_id: input.customer_id },
        pagination: { order: { created_at: "ASC" } },
      }).config({ name: "collect-orders" }),
      useQueryGraphStep({
        entity: "cart",
        fields: CART_EXPORT_FIELDS,
        filters: { customer_id: input.customer_id },
        pagination: { order: { created_at: "ASC" } },
      }).config({ name: "collect-carts" }),
      collectNotificationsStep(contact),
      collectAuthIdentitiesStep(input),
      collectConsentsStep(input),
      collectActivityStep(input),
      collectConciergeConversationsStep(contact)
    )
    const exported = transform(
      { customer, orders, carts, notifications, authIdentities, messaging, activity, concierge },
      ({ customer: { addresses, account_holders, ...profile }, ...data }) => ({
        generated_at: new Date().toISOString(),
        sources: EXPORT_SOURCES,
        customer: { ...profile, groups: profile.groups ?? [] },
        addresses: addresses ?? [],
        // Payments show provider, money and dates only (paymentSummary).
        orders: (data.orders as unknown as OrderRow[]).map(({ payment_collections, ...order }) => ({
          ...order,
          payment_collections: (payment_collections ?? []).map(({ payments, ...collection }) => ({
            ...collection,
            payments: (payments ?? []).map(paymentSummary),
          })),
        })),
        carts: data.carts,
        payment_account_holders: (account_holders ?? []).filter(Boolean),
        notifications: data.notifications,
        auth_identities: data.authIdentities,
        consents: data.messaging.consents,
        broadcasts_received: data.messaging.broadcasts_received,
        concierge_conversations: data.concierge,
        activity: data.activity,
      })
    )
    return new WorkflowResponse(exported)
  }
)
