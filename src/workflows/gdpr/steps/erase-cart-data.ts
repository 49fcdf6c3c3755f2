import { ICartModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { findAddressCopies } from "../utils/address-copies"
import { AddressRecord, blankAddress, BlankAddress, ErasureSubject } from "../utils/erasure"

/**
 * The cart address columns are nullable, but UpdateAddressDTO types them as
 * strings: this declares the null update `updateAddresses` passes through.
 */
type CartAddressWriter = ICartModuleService & {
  updateAddresses(data: (BlankAddress | AddressRecord)[]): Promise<unknown>
}

export const eraseCartDataStepId = "erase-cart-data"

/** The customer's carts (open and completed): email replaced, addresses blanked. */
export const eraseCartDataStep = createStep(
  eraseCartDataStepId,
  async (subject: ErasureSubject, { container }) => {
    const previous = await findAddressCopies(container, "cart", subject)
    const service = container.resolve<CartAddressWriter>(Modules.CART)
    if (previous.owners.length) {
      await service.updateCarts(previous.owners.map(({ id }) => ({ id, email: subject.erased_email })))
    }
    if (previous.addresses.length) {
      await service.updateAddresses(previous.addresses.map(({ id }) => blankAddress(id)))
    }
    return new StepResponse({ carts: previous.owners.length }, previous)
  },
  async (previous, { container }) => {
    const service = container.resolve<CartAddressWriter>(Modules.CART)
    if (previous?.owners.length) {
      await service.updateCarts(previous.owners)
    }
    if (previous?.addresses.length) {
      await service.updateAddresses(previous.addresses)
    }
  }
)
