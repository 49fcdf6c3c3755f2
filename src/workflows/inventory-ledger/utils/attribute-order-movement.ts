import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { LedgerSource } from "../../../modules/inventory-ledger/models/inventory-adjustment"
import { LevelRef } from "../../../modules/inventory-ledger/service"

export type OrderMovement = { source: LedgerSource; reference_type: string | null; reference_id: string | null }

type FulfillmentRow = {
  id: string
  location_id: string
  created_at: string | Date
  canceled_at?: string | Date | null
  items?: ({ inventory_item_id?: string | null } | null)[] | null
}

type ReturnRow = {
  id: string
  location_id?: string | null
  status?: string | null
  received_at?: string | Date | null
  updated_at?: string | Date | null
}

const time = (value: string | Date | null | undefined) => (value ? new Date(value).getTime() : 0)

/**
 * Which of the order's records moved the stocked quantity of a level: the
 * latest fulfilment there holding the item when stock went down; the latest
 * received return or cancelled fulfilment there when it went up. `order` when
 * none fits (claims, exchanges, edits).
 */
export async function attributeOrderMovement(
  container: MedusaContainer,
  orderId: string,
  level: LevelRef,
  stockedDelta: number
): Promise<OrderMovement> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "fulfillments.id",
      "fulfillments.location_id",
      "fulfillments.created_at",
      "fulfillments.canceled_at",
      "fulfillments.items.inventory_item_id",
      "returns.id",
      "returns.location_id",
      "returns.status",
      "returns.received_at",
      "returns.updated_at",
    ],
    filters: { id: orderId },
  })
  const fallback: OrderMovement = { source: "order", reference_type: "order", reference_id: orderId }
  if (!order) {
    return fallback
  }
  const here = ((order.fulfillments ?? []) as unknown as (FulfillmentRow | null)[]).filter(
    (fulfillment): fulfillment is FulfillmentRow =>
      !!fulfillment &&
      fulfillment.location_id === level.location_id &&
      (fulfillment.items ?? []).some((item) => item?.inventory_item_id === level.inventory_item_id)
  )
  if (stockedDelta < 0) {
    const [latest] = here
      .filter((fulfillment) => !fulfillment.canceled_at)
      .sort((a, b) => time(b.created_at) - time(a.created_at))
    return latest ? { source: "fulfillment", reference_type: "fulfillment", reference_id: latest.id } : fallback
  }
  const candidates: (OrderMovement & { at: number })[] = [
    ...((order.returns ?? []) as unknown as (ReturnRow | null)[])
      .filter(
        (orderReturn): orderReturn is ReturnRow =>
          !!orderReturn &&
          orderReturn.location_id === level.location_id &&
          (orderReturn.status === "received" || orderReturn.status === "partially_received")
      )
      .map((orderReturn) => ({
        source: "return" as const,
        reference_type: "return",
        reference_id: orderReturn.id,
        at: Math.max(time(orderReturn.received_at), time(orderReturn.updated_at)),
      })),
    ...here
      .filter((fulfillment) => !!fulfillment.canceled_at)
      .map((fulfillment) => ({
        source: "fulfillment_canceled" as const,
        reference_type: "fulfillment",
        reference_id: fulfillment.id,
        at: time(fulfillment.canceled_at),
      })),
  ]
  const [latest] = candidates.sort((a, b) => b.at - a.at)
  return latest
    ? { source: latest.source, reference_type: latest.reference_type, reference_id: latest.reference_id }
    : fallback
}
