import { ERASED_VALUE } from "./erasure"

export type RedactNeedles = {
  /** Redacted wherever they occur inside a string (case-insensitive). */
  identifiers: string[]
  /** Redacted when a whole string equals one (case-insensitive, trimmed). */
  names: string[]
}

const normalise = (value: string) => value.trim().toLowerCase()

/**
 * Returns a copy of a JSON value with every string that carries one of the
 * needles replaced by `[erased]`. Keys, numbers and booleans (amounts,
 * references, statuses) are kept, so provider data stays usable for refunds.
 */
export function redactJson<T>(value: T, needles: RedactNeedles): T {
  const identifiers = needles.identifiers.map(normalise).filter((n) => n.length >= 3)
  const names = new Set(needles.names.map(normalise).filter(Boolean))
  const visit = (node: unknown): unknown => {
    if (typeof node === "string") {
      const text = normalise(node)
      const hit = names.has(text) || identifiers.some((needle) => text.includes(needle))
      return hit ? ERASED_VALUE : node
    }
    if (Array.isArray(node)) {
      return node.map(visit)
    }
    if (node && typeof node === "object" && !(node instanceof Date)) {
      return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, visit(child)]))
    }
    return node
  }
  return visit(value) as T
}

/** Whether redacting changed anything (so an already erased record is not written again). */
export const redactionChanges = (before: unknown, after: unknown) =>
  JSON.stringify(before ?? null) !== JSON.stringify(after ?? null)
