import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { findAddressCopies } from "../utils/address-copies"
import { blankAddress, ErasureSubject } from "../utils/erasure"

export const eraseOrderDataStepId = "erase-order-data"

/**
 * Orders are kept for accounting (items, totals, payments, country for tax);
 * their email becomes the erased address and the shipping and billing
 * addresses lose every personal field.
 */
export const eraseOrderDataStep = createStep(
  eraseOrderDataStepId,
  async (subject: ErasureSubject, { container }) => {
    const previous = await findAddressCopies(container, "order", subject)
    const service = container.resolve(Modules.ORDER)
    if (previous.owners.length) {
      await service.updateOrders(previous.owners.map(({ id }) => ({ id, email: subject.erased_email })))
    }
    if (previous.addresses.length) {
      await service.updateOrderAddresses(previous.addresses.map(({ id }) => blankAddress(id)))
    }
    return new StepResponse({ orders: previous.owners.length }, previous)
  },
  async (previous, { container }) => {
    const service = container.resolve(Modules.ORDER)
    if (previous?.owners.length) {
      await service.updateOrders(previous.owners)
    }
    if (previous?.addresses.length) {
      await service.updateOrderAddresses(previous.addresses)
    }
  }
)
