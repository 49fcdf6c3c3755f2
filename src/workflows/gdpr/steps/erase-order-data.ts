import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AddressRecord, addressSnapshot, blankAddress, ErasureSubject, isBlankAddress } from "../utils/erasure"
import { listAddressCopies } from "../utils/address-copies"

type Previous = { orders: { id: string; email: string }[]; addresses: AddressRecord[] }

export const eraseOrderDataStepId = "erase-order-data"

/**
 * Orders are kept for accounting (items, totals, payments, country for tax);
 * their email becomes the erased address and the shipping and billing
 * addresses lose every personal field.
 */
export const eraseOrderDataStep = createStep(
  eraseOrderDataStepId,
  async (subject: ErasureSubject, { container }) => {
    const orders = await listAddressCopies(container, "order", subject.customer_id)
    const service = container.resolve(Modules.ORDER)
    const previous: Previous = {
      orders: orders.flatMap((o) =>
        o.email && o.email !== subject.erased_email ? [{ id: o.id, email: o.email }] : []
      ),
      addresses: orders
        .flatMap((o) => [o.shipping_address, o.billing_address])
        .filter((a): a is AddressRecord => !!a && !isBlankAddress(a))
        .map(addressSnapshot),
    }
    if (previous.orders.length) {
      await service.updateOrders(previous.orders.map(({ id }) => ({ id, email: subject.erased_email })))
    }
    if (previous.addresses.length) {
      await service.updateOrderAddresses(previous.addresses.map(({ id }) => blankAddress(id)))
    }
    return new StepResponse({ orders: orders.length }, previous)
  },
  async (previous, { container }) => {
    const service = container.resolve(Modules.ORDER)
    if (previous?.orders.length) {
      await service.updateOrders(previous.orders)
    }
    if (previous?.addresses.length) {
      await service.updateOrderAddresses(previous.addresses)
    }
  }
)
