import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import {
  InventoryItemWorkflowEvents,
  InviteWorkflowEvents,
  PricingEvents,
  ProductVariantWorkflowEvents,
  ProductWorkflowEvents,
  UserWorkflowEvents,
} from "@medusajs/framework/utils"
import { recordActivitySafely } from "../workflows/activity/record-activity-safely"
import { CONVERSATION_OPENED } from "../workflows/concierge/events"
import { domainActionOf, idsOf } from "../workflows/activity/utils/domain-action"

/** The FX module's rate rows (a staff member or the FX job set a new rate). */
const FX_RATE_CREATED = "fx.fx-rate.created"

/**
 * Domain events that carry only ids, recorded as they are named
 * (`product.updated`, `product_variant.deleted`, `invite.accepted`...) with
 * actor `system`: the staff member behind a change is on the request entry
 * the admin recorder wrote (`product.update`). A variant repriced by an FX
 * reprice shows up here as `product_variant.updated`.
 */
export default async function activityDomainEventHandler({
  event,
  container,
}: SubscriberArgs<{ id: string | string[] }>) {
  const { resource_type, action } = domainActionOf(event.name)
  const ids = idsOf(event.data.id)
  if (!ids.length) {
    return
  }
  await recordActivitySafely(
    container,
    ids.map((id) => ({ actor_type: "system", action, resource_type, resource_id: id }))
  )
}

export const config: SubscriberConfig = {
  event: [
    ...Object.values(ProductWorkflowEvents),
    ...Object.values(ProductVariantWorkflowEvents),
    ...Object.values(InventoryItemWorkflowEvents),
    // Price lists have no workflow events; the pricing module's own are the only record of a change.
    /* eslint-disable @medusajs/prefer-workflow-event-over-module-event */
    PricingEvents.PRICE_LIST_CREATED,
    PricingEvents.PRICE_LIST_UPDATED,
    PricingEvents.PRICE_LIST_DELETED,
    /* eslint-enable @medusajs/prefer-workflow-event-over-module-event */
    FX_RATE_CREATED,
    UserWorkflowEvents.CREATED,
    UserWorkflowEvents.DELETED,
    InviteWorkflowEvents.CREATED,
    InviteWorkflowEvents.ACCEPTED,
    InviteWorkflowEvents.DELETED,
    InviteWorkflowEvents.RESENT,
    // A customer escalated from the store or wrote on WhatsApp; staff replies are request entries.
    CONVERSATION_OPENED,
  ],
}
