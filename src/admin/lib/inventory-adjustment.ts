/** Mirrors ADJUSTMENT_REASONS in src/modules/inventory-ledger (server code stays out of the admin bundle). */
export const ADJUSTMENT_REASONS = ["restock", "damage", "loss", "correction", "return", "transfer"] as const
export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number]

export const REASON_LABELS: Record<AdjustmentReason, string> = {
  restock: "Restock",
  damage: "Damage",
  loss: "Loss",
  correction: "Correction",
  return: "Return",
  transfer: "Transfer",
}

/** Mirrors LEDGER_SOURCES in src/modules/inventory-ledger: what moved a level. */
export const LEDGER_SOURCE_LABELS: Record<string, string> = {
  adjustment: "Adjustment",
  reservation: "Reservation",
  fulfillment: "Fulfillment",
  fulfillment_canceled: "Fulfillment canceled",
  return: "Return received",
  order: "Order change",
  admin: "Inventory edit",
  system: "System",
  opening: "Opening balance",
  reconciliation: "Reconciliation",
}

/** What a ledger entry is, in a word: the staff reason for an adjustment, else what moved the level. */
export function ledgerEntryLabel(entry: { reason?: string | null; source?: string | null }): string {
  if (entry.reason) {
    return REASON_LABELS[entry.reason as AdjustmentReason] ?? entry.reason
  }
  const source = entry.source ?? "adjustment"
  return LEDGER_SOURCE_LABELS[source] ?? source.replace(/_/g, " ")
}

/** Whether a reason normally adds or removes stock, to catch a forgotten minus sign. */
const REASON_DIRECTION: Partial<Record<AdjustmentReason, 1 | -1>> = {
  restock: 1,
  return: 1,
  damage: -1,
  loss: -1,
}

// The API refuses anything larger.
const MAX_DELTA = 1_000_000_000
const MAX_NOTE = 1000

export type AdjustStockForm = {
  locationId: string
  /** As typed: "+5", "-3", "12". */
  delta: string
  reason: AdjustmentReason | ""
  note: string
}

export const emptyAdjustStockForm: AdjustStockForm = { locationId: "", delta: "", reason: "", note: "" }

/** POST /admin/inventory-adjustments body. */
export type InventoryAdjustmentInput = {
  inventory_item_id: string
  location_id: string
  delta: number
  reason: AdjustmentReason
  note?: string
}

/** A signed whole number other than 0 ("+5", "-3", "12"), or null. */
export function parseDelta(text: string): number | null {
  const trimmed = text.replace(/\s+/g, "")
  if (!/^[+-]?\d+$/.test(trimmed)) {
    return null
  }
  const value = Number(trimmed)
  return Number.isSafeInteger(value) && value !== 0 ? value : null
}

/** The request body, or what stops the form from being sent. */
export function checkAdjustStock(
  form: AdjustStockForm,
  inventoryItemId: string
): { input: InventoryAdjustmentInput | null; problems: string[] } {
  const problems: string[] = []
  if (!form.locationId) {
    problems.push("Pick a location.")
  }
  const delta = parseDelta(form.delta)
  if (form.delta.trim() === "") {
    problems.push("Enter the change in units, e.g. 5 or -3.")
  } else if (delta === null) {
    problems.push("The change must be a whole number other than 0, e.g. 5 or -3.")
  } else if (Math.abs(delta) > MAX_DELTA) {
    problems.push("The change is too large.")
  }
  if (!form.reason) {
    problems.push("Pick a reason.")
  }
  const note = form.note.trim()
  if (note.length > MAX_NOTE) {
    problems.push(`The note is longer than ${MAX_NOTE} characters.`)
  }
  if (problems.length || delta === null || !form.reason) {
    return { input: null, problems }
  }
  return {
    input: {
      inventory_item_id: inventoryItemId,
      location_id: form.locationId,
      delta,
      reason: form.reason,
      ...(note ? { note } : {}),
    },
    problems,
  }
}

/**
 * What the form would do to the location, for the line under the delta field:
 * the stocked quantity after, and a warning when the server will refuse it
 * (below 0 or below what is reserved) or the sign looks wrong for the reason.
 */
export function previewAdjustment(
  level: { stocked_quantity: number; reserved_quantity: number } | undefined,
  form: Pick<AdjustStockForm, "delta" | "reason">
): { before: number; after: number; warning: string | null } | null {
  const delta = parseDelta(form.delta)
  if (!level || delta === null) {
    return null
  }
  const before = level.stocked_quantity
  const after = before + delta
  const direction = form.reason ? REASON_DIRECTION[form.reason] : undefined
  const warning =
    after < 0
      ? "Stock cannot go below 0: this will be refused."
      : after < level.reserved_quantity
        ? `Fewer than the ${level.reserved_quantity} reserved would be left: this will be refused.`
        : direction && Math.sign(delta) !== direction
          ? `A ${REASON_LABELS[form.reason as AdjustmentReason].toLowerCase()} usually ${direction > 0 ? "adds" : "removes"} stock: check the sign.`
          : null
  return { before, after, warning }
}
