export const inventoryAdjustmentFields = [
  "id",
  "inventory_item_id",
  "location_id",
  "source",
  "delta",
  "reason",
  "note",
  "before",
  "after",
  "reserved_before",
  "reserved_after",
  "reserved_delta",
  "reference_type",
  "reference_id",
  "order_id",
  "actor_type",
  "actor_id",
  "created_at",
]

export const listInventoryAdjustmentsQueryConfig = {
  defaults: inventoryAdjustmentFields,
  defaultLimit: 50,
  isList: true,
}
