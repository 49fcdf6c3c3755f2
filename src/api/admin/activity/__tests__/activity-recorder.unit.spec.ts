import { changesOf, resourceOfAdminRoute } from "../../activity-recorder"

const ULID = "01JABCDEFGHJKMNPQRSTVWXYZ0"

describe("resourceOfAdminRoute", () => {
  it.each([
    ["POST", `/admin/products/prod_${ULID}`, "product", `prod_${ULID}`, "product.updated"],
    ["DELETE", `/admin/products/prod_${ULID}`, "product", `prod_${ULID}`, "product.deleted"],
    ["POST", "/admin/products", "product", null, "product.created"],
    ["POST", "/admin/fx-rates", "fx_rate", null, "fx_rate.created"],
    ["POST", "/admin/fx-rates/reprice", "fx_rate", null, "fx_rate.reprice"],
    ["POST", `/admin/customers/cus_${ULID}/erase`, "customer", `cus_${ULID}`, "customer.erase"],
    ["POST", `/admin/staff/user_${ULID}/role`, "staff", `user_${ULID}`, "staff.role"],
    ["POST", `/admin/product-categories/pcat_${ULID}`, "product_category", `pcat_${ULID}`, "product_category.updated"],
    [
      "POST",
      `/admin/products/prod_${ULID}/variants/variant_${ULID}`,
      "variant",
      `variant_${ULID}`,
      "variant.updated",
    ],
  ])("%s %s -> %s %s %s", (method, path, resource_type, resource_id, action) => {
    expect(resourceOfAdminRoute(method, path)).toEqual({ resource_type, resource_id, action })
  })
})

describe("changesOf", () => {
  it("records each sent field as after, with secrets redacted", () => {
    expect(changesOf({ title: "T", password: "p", metadata: { token: "x", a: 1 } })).toEqual({
      title: { after: "T" },
      password: { after: "[redacted]" },
      metadata: { after: { token: "[redacted]", a: 1 } },
    })
  })

  it("keeps only field names for a very large body, and nothing for no body", () => {
    expect(changesOf({ rows: "x".repeat(20_000), name: "n" })).toEqual({ fields: ["rows", "name"] })
    expect(changesOf(undefined)).toBeUndefined()
  })
})
