/** What an erased customer's email becomes: unique per customer, never deliverable (RFC 6761 `.invalid`). */
export const erasedEmail = (customerId: string) => `erased+${customerId}@erased.invalid`

/** Replaces personal values found inside provider and context JSON blobs. */
export const ERASED_VALUE = "[erased]"

/** Address fields that identify a person; country is kept for tax and accounting. */
export const PERSONAL_ADDRESS_FIELDS = [
  "first_name",
  "last_name",
  "company",
  "address_1",
  "address_2",
  "city",
  "province",
  "postal_code",
  "phone",
] as const

export type PersonalAddressField = (typeof PERSONAL_ADDRESS_FIELDS)[number]

export type AddressRecord = { id: string; metadata?: Record<string, unknown> | null } & {
  [K in PersonalAddressField]?: string | null
}

/** An address update that blanks every personal field. */
export type BlankAddress = { id: string; metadata: null } & { [K in PersonalAddressField]: null }

export const blankAddress = (id: string): BlankAddress => ({
  id,
  first_name: null,
  last_name: null,
  company: null,
  address_1: null,
  address_2: null,
  city: null,
  province: null,
  postal_code: null,
  phone: null,
  metadata: null,
})

export const isBlankAddress = (address: AddressRecord) =>
  PERSONAL_ADDRESS_FIELDS.every((field) => address[field] == null) && address.metadata == null

/** The values an erase step writes back if a later step fails: the record as it was. */
export const addressSnapshot = (address: AddressRecord) => {
  const snapshot: AddressRecord = { id: address.id, metadata: address.metadata ?? null }
  for (const field of PERSONAL_ADDRESS_FIELDS) {
    snapshot[field] = address[field] ?? null
  }
  return snapshot
}

/**
 * Who is being erased, read before anything changes: the values that identify
 * the customer wherever they were copied (orders, carts, payment data, messages).
 */
export type ErasureSubject = {
  customer_id: string
  erased_email: string
  /** When the customer was first erased; a second erase keeps it. */
  erased_at: string
  /** Emails and phone numbers: redacted wherever they occur inside a text. */
  identifiers: string[]
  /** Names, company and street lines: redacted where a whole value equals one. */
  names: string[]
}
