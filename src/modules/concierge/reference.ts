import { randomInt } from "crypto"

/** No 0/O or 1/I, so a reference read aloud or retyped stays right. */
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
const LENGTH = 6
const PREFIX = "CN-"

const REFERENCE_IN_TEXT = new RegExp(`\\bCN-?([${ALPHABET}]{${LENGTH}})\\b`, "i")

/** A new conversation reference, e.g. `CN-7K3QX9`. */
export function newReference(): string {
  let code = ""
  for (let i = 0; i < LENGTH; i++) {
    code += ALPHABET[randomInt(ALPHABET.length)]
  }
  return `${PREFIX}${code}`
}

/** The reference a customer quoted in a message (`cn-7k3qx9`, `CN7K3QX9`), normalised; else null. */
export function referenceIn(text: string | null | undefined): string | null {
  const match = text ? REFERENCE_IN_TEXT.exec(text) : null
  return match ? `${PREFIX}${match[1].toUpperCase()}` : null
}
