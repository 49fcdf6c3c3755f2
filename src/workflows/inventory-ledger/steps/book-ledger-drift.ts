import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LevelRef } from "../../../modules/inventory-ledger/service"
import { levelLockKey } from "../utils/level-lock"
import { LevelMovement, recordLevelMovement } from "../utils/record-level-movement"

export type BookLedgerDriftStepInput = {
  /** Levels whose ledger disagrees with them: booked as `reconciliation`. */
  drifted: LevelRef[]
  /** Levels with no entry yet: booked as their `opening` balance. */
  untracked: LevelRef[]
}

export const bookLedgerDriftStepId = "book-ledger-drift"

/**
 * Books what the ledger is missing, one level at a time under the level's
 * lock (re-read there, so a change recorded meanwhile is not booked twice),
 * so tomorrow's reconciliation starts from a ledger that matches. No
 * compensation: each entry describes a difference that exists.
 */
export const bookLedgerDriftStep = createStep(
  bookLedgerDriftStepId,
  async (input: BookLedgerDriftStepInput, { container }) => {
    const locking = container.resolve(Modules.LOCKING)
    const booked: LevelMovement[] = []
    const levels = [
      ...input.drifted.map((level) => ({ level, source: "reconciliation" as const })),
      ...input.untracked.map((level) => ({ level, source: "opening" as const })),
    ]
    for (const { level, source } of levels) {
      const movement = await locking.execute(levelLockKey(level), () =>
        recordLevelMovement(container, {
          ...level,
          track: "both",
          source,
          note: source === "reconciliation" ? "Difference found by the nightly reconciliation" : null,
        })
      )
      if (movement) {
        booked.push(movement)
      }
    }
    return new StepResponse(booked)
  }
)
