/**
 * Where each section of a customer export comes from. A section whose module
 * is not installed yet is exported as an empty array and says so here; the
 * module's issue adds a `collect-*` step to the export workflow and updates its
 * entry.
 */
export const EXPORT_SOURCES = {
  customer: "customer module: profile",
  addresses: "customer module: saved addresses",
  orders:
    "order and payment modules: items, addresses, payments (provider, amounts, status, dates; no card or provider data)",
  carts: "cart and payment modules: items, addresses, payment session references",
  payment_account_holders: "payment module: the customer's records at payment providers, by reference",
  notifications:
    "notification module: messages recorded for the customer's email or phone, or with the customer as receiver",
  auth_identities: "auth module: login provider and login id only (no password hashes, no provider metadata)",
  consents:
    "consent module: marketing and order-update choices per channel, with who made each (source) and when; `default` where no choice was made",
  broadcasts_received:
    "broadcast module: broadcasts addressed to the customer (name, channel, status), the address used, delivery status and when sent",
  concierge_conversations:
    "concierge module: WhatsApp and storefront conversations linked to the customer or held with their phone number, with every message (text, media ids, delivery status, dates)",
  activity:
    "activity module: log entries the customer made or that concern their customer record (personal values are never written to the log)",
} as const
