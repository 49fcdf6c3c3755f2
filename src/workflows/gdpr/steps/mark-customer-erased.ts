import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { eraseMarker, isEraseMarker } from "../utils/erase-marker"
import { ErasureSubject } from "../utils/erasure"

export const markCustomerErasedStepId = "mark-customer-erased"

/**
 * Sets the customer's metadata to `{ erased_at }`, so a second erase answers
 * with the first erase's date and staff can see the record was erased.
 */
export const markCustomerErasedStep = createStep(
  markCustomerErasedStepId,
  async (subject: ErasureSubject, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "customer",
      fields: ["id", "metadata"],
      filters: { id: subject.customer_id },
    })
    const metadata = (data[0] as unknown as { metadata: Record<string, unknown> | null }).metadata
    if (isEraseMarker(metadata, subject.erased_at)) {
      return new StepResponse({ changed: false }, null)
    }
    const service = container.resolve(Modules.CUSTOMER)
    await service.updateCustomers(subject.customer_id, { metadata: eraseMarker(subject.erased_at) })
    return new StepResponse({ changed: true }, subject.customer_id)
  },
  async (customerId, { container }) => {
    if (!customerId) {
      return
    }
    await container.resolve(Modules.CUSTOMER).updateCustomers(customerId, { metadata: null })
  }
)
