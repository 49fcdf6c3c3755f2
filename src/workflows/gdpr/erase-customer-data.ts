import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { anonymiseCustomerStep } from "./steps/anonymise-customer"
import { deleteCustomerSavedAddressesStep } from "./steps/delete-customer-saved-addresses"
import { eraseBroadcastRecipientsStep } from "./steps/erase-broadcast-recipients"
import { eraseCartDataStep } from "./steps/erase-cart-data"
import { eraseConciergeConversationsStep } from "./steps/erase-concierge-conversations"
import { eraseFulfillmentAddressesStep } from "./steps/erase-fulfillment-addresses"
import { eraseNotificationsStep } from "./steps/erase-notifications"
import { eraseOrderDataStep } from "./steps/erase-order-data"
import { erasePaymentDataStep } from "./steps/erase-payment-data"
import { eraseWorkflowExecutionsStep } from "./steps/erase-workflow-executions"
import { loadErasureSubjectStep } from "./steps/load-erasure-subject"
import { markCustomerErasedStep } from "./steps/mark-customer-erased"
import { planErasureOptOutsStep } from "./steps/plan-erasure-opt-outs"
import { removeCustomerAuthIdentitiesStep } from "./steps/remove-customer-auth-identities"
import { recordConsentsStep } from "../consent/steps/record-consents"

export type EraseCustomerDataWorkflowInput = { customer_id: string }

export const eraseCustomerDataWorkflowId = "erase-customer-data"

/** Emitted once an erase has completed, with `{ id }`, for the activity log (issue 6) to record. */
export const CUSTOMER_ERASED_EVENT = "customer.erased"

/**
 * Anonymises a customer's personal data everywhere Medusa keeps it, keeping
 * orders and payments for accounting. Idempotent: each step writes only what
 * is not erased yet. Compensations restore what a step changed if a later step
 * fails; once the workflow has finished, nothing keeps the old values.
 */
export const eraseCustomerDataWorkflow = createWorkflow(
  eraseCustomerDataWorkflowId,
  (input: EraseCustomerDataWorkflowInput) => {
    const lockKey = transform({ input }, ({ input }) => `gdpr-erase:${input.customer_id}`)
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 120 })
    // Read first: copies on orders, carts and messages are found by the values about to be erased.
    const subject = loadErasureSubjectStep(input)
    eraseNotificationsStep(subject)
    eraseBroadcastRecipientsStep(subject)
    eraseConciergeConversationsStep(subject)
    erasePaymentDataStep(subject)
    eraseOrderDataStep(subject)
    eraseFulfillmentAddressesStep(subject)
    eraseCartDataStep(subject)
    eraseWorkflowExecutionsStep(subject)
    deleteCustomerSavedAddressesStep(input)
    removeCustomerAuthIdentitiesStep(input)
    // Consent rows stay, saying no to marketing everywhere: an erased customer never gets marketing again.
    recordConsentsStep(planErasureOptOutsStep(subject))
    anonymiseCustomerStep(subject)
    markCustomerErasedStep(subject)
    const event = transform({ input }, ({ input }) => ({ id: input.customer_id }))
    emitEventStep({ eventName: CUSTOMER_ERASED_EVENT, data: event })
    releaseLockStep({ key: lockKey })
    const result = transform({ subject }, ({ subject }) => ({
      customer_id: subject.customer_id,
      erased_at: subject.erased_at,
    }))
    return new WorkflowResponse(result)
  }
)
