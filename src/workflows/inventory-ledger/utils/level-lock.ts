import { LevelRef } from "../../../modules/inventory-ledger/service"

/**
 * The lock every ledger writer holds for a level (item + location) while it
 * reads the level and writes its entry, so entries never interleave.
 */
export const levelLockKey = ({ inventory_item_id, location_id }: LevelRef) =>
  `inventory-level:${inventory_item_id}:${location_id}`
