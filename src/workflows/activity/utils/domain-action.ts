/**
 * How a domain event is named in the activity log: its resource in snake case
 * and Medusa's past-tense verb (`product-variant.updated` -> product_variant.updated,
 * `pricing.price-list.created` -> price_list.created). Requests recorded by the
 * admin recorder use the imperative (`product.update`), so the two never share a name.
 */
export function domainActionOf(eventName: string): { resource_type: string; action: string } {
  const parts = eventName.split(".")
  const verb = parts[parts.length - 1]
  const resource = (parts[parts.length - 2] ?? parts[0]).replace(/-/g, "_")
  return { resource_type: resource, action: `${resource}.${verb}` }
}

/** Module events carry one id or, for a batch, a list of them. */
export const idsOf = (id: string | string[] | undefined): string[] => (Array.isArray(id) ? id : id ? [id] : [])
