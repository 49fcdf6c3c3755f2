import { ICartModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { listAddressCopies } from "../utils/address-copies"
import {
  AddressRecord,
  addressSnapshot,
  blankAddress,
  BlankAddress,
  ErasureSubject,
  isBlankAddress,
} from "../utils/erasure"

/**
 * The cart address columns are nullable, but UpdateAddressDTO types them as
 * strings: this declares the null update `updateAddresses` passes through.
 */
type CartAddressWriter = ICartModuleService & {
  updateAddresses(data: (BlankAddress | AddressRecord)[]): Promise<unknown>
}

type Previous = { carts: { id: string; email: string }[]; addresses: AddressRecord[] }

export const eraseCartDataStepId = "erase-cart-data"

/** The customer's carts (open and completed): email replaced, addresses blanked. */
export const eraseCartDataStep = createStep(
  eraseCartDataStepId,
  async (subject: ErasureSubject, { container }) => {
    const carts = await listAddressCopies(container, "cart", subject.customer_id)
    const service = container.resolve<CartAddressWriter>(Modules.CART)
    const previous: Previous = {
      carts: carts.flatMap((c) =>
        c.email && c.email !== subject.erased_email ? [{ id: c.id, email: c.email }] : []
      ),
      addresses: carts
        .flatMap((c) => [c.shipping_address, c.billing_address])
        .filter((a): a is AddressRecord => !!a && !isBlankAddress(a))
        .map(addressSnapshot),
    }
    if (previous.carts.length) {
      await service.updateCarts(previous.carts.map(({ id }) => ({ id, email: subject.erased_email })))
    }
    if (previous.addresses.length) {
      await service.updateAddresses(previous.addresses.map(({ id }) => blankAddress(id)))
    }
    return new StepResponse({ carts: carts.length }, previous)
  },
  async (previous, { container }) => {
    const service = container.resolve<CartAddressWriter>(Modules.CART)
    if (previous?.carts.length) {
      await service.updateCarts(previous.carts)
    }
    if (previous?.addresses.length) {
      await service.updateAddresses(previous.addresses)
    }
  }
)
