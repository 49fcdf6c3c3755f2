import { changesOf, diffChanges, recordChanges, resourceOfAdminRoute } from "../../activity-recorder"

const ULID = "01JABCDEFGHJKMNPQRSTVWXYZ0"

describe("resourceOfAdminRoute", () => {
  it.each([
    ["POST", `/admin/products/prod_${ULID}`, "product", `prod_${ULID}`, "product.update"],
    ["DELETE", `/admin/products/prod_${ULID}`, "product", `prod_${ULID}`, "product.delete"],
    ["POST", "/admin/products", "product", null, "product.create"],
    ["POST", "/admin/fx-rates", "fx_rate", null, "fx_rate.create"],
    ["POST", "/admin/fx-rates/reprice", "fx_rate", null, "fx_rate.reprice"],
    ["POST", `/admin/customers/cus_${ULID}/erase`, "customer", `cus_${ULID}`, "customer.erase"],
    ["POST", `/admin/staff/user_${ULID}/role`, "staff", `user_${ULID}`, "staff.role"],
    ["POST", `/admin/product-categories/pcat_${ULID}`, "product_category", `pcat_${ULID}`, "product_category.update"],
    [
      "POST",
      `/admin/products/prod_${ULID}/variants/variant_${ULID}`,
      "variant",
      `variant_${ULID}`,
      "variant.update",
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

describe("diffChanges", () => {
  const before = { title: "Old", status: "draft", metadata: { shelf: "A1" }, subtitle: null, api_token: "t1" }
  const after = { title: "New", status: "draft", metadata: { shelf: "A2" }, subtitle: null, api_token: "t2" }

  it("keeps only the sent fields whose stored value changed, with before and after", () => {
    expect(
      diffChanges({ title: "New", status: "draft", metadata: { shelf: "A2" }, subtitle: null }, before, after)
    ).toEqual({
      title: { before: "Old", after: "New" },
      metadata: { before: { shelf: "A1" }, after: { shelf: "A2" } },
    })
  })

  it("records relations it cannot compare as after, and redacts secret and personal fields", () => {
    expect(
      diffChanges(
        { variants: [{ title: "S" }], api_token: "t2", first_name: "Ada" },
        { ...before, first_name: "Ad" },
        { ...after, first_name: "Ada" }
      )
    ).toEqual({
      variants: { after: [{ title: "S" }] },
      api_token: { before: "[redacted]", after: "[redacted]" },
      first_name: { before: "[personal]", after: "[personal]" },
    })
  })

  it("compares objects whatever their key order", () => {
    expect(diffChanges({ metadata: {} }, { metadata: { a: 1, b: 2 } }, { metadata: { b: 2, a: 1 } })).toEqual({})
  })
})

describe("recordChanges", () => {
  it("records every field an action changed, leaving bookkeeping columns out and masking personal ones", () => {
    const before = { id: "conv_1", status: "open", assignee_id: null, phone: "+2348031234567", updated_at: "2026-01-01" }
    const after = { id: "conv_1", status: "resolved", assignee_id: "user_1", phone: "+2348000000000", updated_at: "2026-01-02" }
    expect(recordChanges(before, after)).toEqual({
      status: { before: "open", after: "resolved" },
      assignee_id: { before: null, after: "user_1" },
      phone: { before: "[personal]", after: "[personal]" },
    })
  })

  it("says nothing when the action changed nothing", () => {
    expect(recordChanges({ role: "admin", updated_at: "a" }, { role: "admin", updated_at: "b" })).toBeUndefined()
  })
})
