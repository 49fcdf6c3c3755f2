export const inventoryAdjustmentFields = [
  "id",
  "inventory_item_id",
  "location_id",
  "delta",
  "reason",
  "note",
  "before",
  "after",
  "actor_type",
  "actor_id",
  "created_at",
]

export const listInventoryAdjustmentsQueryConfig = {
  defaults: inventoryAdjustmentFields,
  defaultLimit: 50,
  isList: true,
}
