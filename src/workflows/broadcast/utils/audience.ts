import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { NotificationChannel } from "../../../lib/notifications/types"
import { CONSENT_MODULE } from "../../../modules/consent"
import ConsentModuleService from "../../../modules/consent/service"
import { ListedRecipient } from "../../../modules/broadcast/service"

export type BroadcastAudience =
  | { type: "all" }
  | { type: "customer_groups"; customer_group_ids: string[] }
  | { type: "countries"; country_codes: string[] }
  | { type: "ordered_since"; ordered_since: string }

export type AudienceCustomer = {
  id: string
  email: string | null
  phone: string | null
  first_name: string | null
  last_name: string | null
  metadata?: Record<string, unknown> | null
}

const PAGE = 1000
export const CUSTOMER_FIELDS = ["id", "email", "phone", "first_name", "last_name", "metadata"]

/** Customer ids the audience narrows to, or `undefined` for every customer. */
async function audienceCustomerIds(
  container: MedusaContainer,
  audience: BroadcastAudience
): Promise<string[] | undefined> {
  const customers = container.resolve(Modules.CUSTOMER)
  switch (audience.type) {
    case "all":
      return undefined
    case "customer_groups": {
      const links = await customers.listCustomerGroupCustomers(
        { customer_group_id: audience.customer_group_ids },
        { select: ["customer_id"] }
      )
      return [...new Set(links.map((link) => link.customer_id))]
    }
    case "countries": {
      const addresses = await customers.listCustomerAddresses(
        { country_code: { $in: audience.country_codes.map((code) => code.toLowerCase()) } },
        { select: ["customer_id"] }
      )
      return [...new Set(addresses.map((address) => address.customer_id))]
    }
    case "ordered_since": {
      const orders = await container
        .resolve(Modules.ORDER)
        .listOrders({ created_at: { $gte: new Date(audience.ordered_since).toISOString() } }, { select: ["customer_id"] })
      return [...new Set(orders.map((order) => order.customer_id).filter((id): id is string => !!id))]
    }
  }
}

/** Pages through the audience's customers, `PAGE` at a time, in id order (keyset, so page 100 costs what page 1 does). */
export async function* audienceCustomers(
  container: MedusaContainer,
  audience: BroadcastAudience
): AsyncGenerator<AudienceCustomer[]> {
  const ids = await audienceCustomerIds(container, audience)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const page = async (filters: Record<string, unknown>) => {
    const { data } = await query.graph({
      entity: "customer",
      fields: CUSTOMER_FIELDS,
      filters,
      pagination: { take: PAGE, order: { id: "ASC" } },
    })
    return data as AudienceCustomer[]
  }
  if (ids) {
    const sorted = [...ids].sort()
    for (let start = 0; start < sorted.length; start += PAGE) {
      const customers = await page({ id: sorted.slice(start, start + PAGE) })
      if (customers.length) {
        yield customers
      }
    }
    return
  }
  for (let after: string | undefined; ; ) {
    const customers = await page(after ? { id: { $gt: after } } : {})
    if (customers.length) {
      yield customers
      after = customers[customers.length - 1].id
    }
    if (customers.length < PAGE) {
      return
    }
  }
}

const E164 = /^\+[1-9]\d{7,14}$/

/** Where a customer is reached on `channel`, or why they cannot be. */
export function addressOf(customer: AudienceCustomer, channel: NotificationChannel): string | { reason: string } {
  if (customer.metadata?.erased_at) {
    return { reason: "customer data erased" }
  }
  if (channel === "email") {
    return customer.email ? customer.email : { reason: "no email address" }
  }
  const phone = customer.phone?.replace(/[\s()-]/g, "")
  return phone && E164.test(phone) ? phone : { reason: "no phone number in international format" }
}

/** The audience as recipient rows, a page at a time: queued, or skipped with the reason. */
export async function* recipientPages(
  container: MedusaContainer,
  audience: BroadcastAudience,
  channel: NotificationChannel
): AsyncGenerator<ListedRecipient[]> {
  const consent = container.resolve<ConsentModuleService>(CONSENT_MODULE)
  for await (const page of audienceCustomers(container, audience)) {
    const granted = await consent.isGranted(
      page.map((customer) => customer.id),
      channel,
      "marketing"
    )
    yield page.map((customer) => {
      const address = addressOf(customer, channel)
      const reason =
        typeof address === "object"
          ? address.reason
          : granted.get(customer.id)
            ? undefined
            : `not opted in to ${channel} marketing`
      return {
        customer_id: customer.id,
        address: typeof address === "string" ? address : "",
        status: reason ? "skipped" : "queued",
        last_error: reason ?? null,
      }
    })
  }
}
