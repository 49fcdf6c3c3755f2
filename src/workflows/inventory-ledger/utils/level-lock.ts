import { LevelRef } from "../../../modules/inventory-ledger/service"

/**
 * The lock every writer of a level holds while it reads the level and writes
 * its change or entry. It is the key Medusa's own inventory steps take through
 * the locking module (reservations, fulfilments, returns: the bare inventory
 * item id, for all its locations), so an adjustment and those flows exclude
 * each other.
 */
export const levelLockKey = ({ inventory_item_id }: LevelRef) => inventory_item_id
