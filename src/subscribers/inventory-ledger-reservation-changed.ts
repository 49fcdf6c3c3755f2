import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ReservationItemWorkflowEvents } from "@medusajs/framework/utils"
import { orderLevels, reservationLevelOf } from "../lib/inventory/ledger-levels"
import { recordInventoryMovementWorkflow } from "../workflows/inventory-ledger/record-inventory-movement"

type ReservationEvent = { id: string; order_id?: string }

/**
 * A reservation was made, changed or released (an order placed, fulfilled or
 * cancelled, or staff): records the reserved quantity's change at its level.
 * A deleted reservation is gone, so every level of the order's items is checked.
 */
export default async function inventoryLedgerReservationChangedHandler({
  event,
  container,
}: SubscriberArgs<ReservationEvent>) {
  const orderId = event.data.order_id ?? null
  const level = await reservationLevelOf(container, event.data.id)
  const levels = level ? [level] : orderId ? await orderLevels(container, orderId) : []
  for (const ref of levels) {
    await recordInventoryMovementWorkflow(container).run({
      input: {
        ...ref,
        track: "reserved",
        source: "reservation",
        reference_type: "reservation_item",
        reference_id: event.data.id,
        order_id: orderId,
      },
    })
  }
}

export const config: SubscriberConfig = {
  event: [
    ReservationItemWorkflowEvents.CREATED,
    ReservationItemWorkflowEvents.UPDATED,
    ReservationItemWorkflowEvents.DELETED,
  ],
}
