import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

type Json = Record<string, unknown> | null
export type SessionRecord = { id: string; data: Json; context: Json }
export type PaymentRecord = { id: string; data: Json }
export type AccountHolderRecord = { id: string; email: string | null; data: Json }

type Collection = { payment_sessions?: SessionRecord[] | null; payments?: PaymentRecord[] | null }

const COLLECTION_FIELDS = [
  "payment_sessions.id",
  "payment_sessions.data",
  "payment_sessions.context",
  "payments.id",
  "payments.data",
]

/**
 * Payment sessions, payments and account holders reachable from the customer's
 * carts, orders and profile, with the JSON blobs providers and Medusa keep on them.
 */
export async function listCustomerPaymentRecords(container: MedusaContainer, customerId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: carts }, { data: orders }, { data: customers }] = await Promise.all([
    query.graph({
      entity: "cart",
      fields: COLLECTION_FIELDS.map((f) => `payment_collection.${f}`),
      filters: { customer_id: customerId },
    }),
    query.graph({
      entity: "order",
      fields: COLLECTION_FIELDS.map((f) => `payment_collections.${f}`),
      filters: { customer_id: customerId },
    }),
    query.graph({
      entity: "customer",
      fields: ["account_holders.id", "account_holders.email", "account_holders.data"],
      filters: { id: customerId },
    }),
  ])
  const collections = [
    ...(carts as unknown as { payment_collection?: Collection | null }[]).map((c) => c.payment_collection),
    ...(orders as unknown as { payment_collections?: Collection[] | null }[]).flatMap(
      (o) => o.payment_collections ?? []
    ),
  ].filter((c): c is Collection => !!c)
  const holders = (customers[0] as unknown as { account_holders?: (AccountHolderRecord | null)[] } | undefined)
    ?.account_holders
  return {
    sessions: uniqueById(collections.flatMap((c) => c.payment_sessions ?? [])),
    payments: uniqueById(collections.flatMap((c) => c.payments ?? [])),
    account_holders: uniqueById((holders ?? []).filter((h): h is AccountHolderRecord => !!h)),
  }
}

const uniqueById = <T extends { id: string }>(rows: T[]) => [...new Map(rows.map((r) => [r.id, r])).values()]
