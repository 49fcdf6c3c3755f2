import { domainActionOf, idsOf } from "../utils/domain-action"

describe("domainActionOf", () => {
  it.each([
    ["product.updated", "product", "product.updated"],
    ["product-variant.deleted", "product_variant", "product_variant.deleted"],
    ["pricing.price-list.created", "price_list", "price_list.created"],
    ["fx.fx-rate.created", "fx_rate", "fx_rate.created"],
    ["invite.accepted", "invite", "invite.accepted"],
  ])("%s -> %s %s", (event, resource_type, action) => {
    expect(domainActionOf(event)).toEqual({ resource_type, action })
  })

  it("reads one id or a batch of them", () => {
    expect(idsOf("a")).toEqual(["a"])
    expect(idsOf(["a", "b"])).toEqual(["a", "b"])
    expect(idsOf(undefined)).toEqual([])
  })
})
