import { permissionFor, roleHas } from "../permissions"

describe("permissionFor", () => {
  it.each([
    ["GET", "/admin/users/me", "session"],
    ["GET", "/admin/customers/cus_1/export", "customers.export"],
    ["POST", "/admin/customers/cus_1/erase", "customers.erase"],
    ["GET", "/admin/customers", "customers.read"],
    ["GET", "/admin/customers/cus_1/addresses", "customers.read"],
    ["POST", "/admin/customers/cus_1", "everything"],
    ["GET", "/admin/products/prod_1/variants", "catalog.read"],
    ["DELETE", "/admin/products/prod_1", "everything"],
    ["POST", "/admin/orders/order_1/fulfillments/ful_1/shipments", "orders.fulfil"],
    ["GET", "/admin/concierge/conversations/conv_1", "concierge"],
    ["POST", "/admin/concierge/conversations/conv_1/messages", "concierge"],
    ["POST", "/admin/fx-rates/reprice", "pricing.write"],
    ["GET", "/admin/customers-groups", "everything"],
    ["GET", "/admin/some-new-route", "everything"],
  ])("%s %s needs %s", (method, path, permission) => {
    expect(permissionFor(method, path)).toBe(permission)
  })

  it("lets order notes through only when the body changes nothing but metadata", () => {
    expect(permissionFor("POST", "/admin/orders/order_1", { metadata: { note: "x" } })).toBe("orders.notes")
    expect(permissionFor("POST", "/admin/orders/order_1", { metadata: {}, email: "a@b.c" })).toBe("everything")
    expect(permissionFor("POST", "/admin/orders/order_1")).toBe("everything")
  })
})

describe("roleHas", () => {
  it("gives admin everything and keeps support and concierge from deletes and staff", () => {
    expect(roleHas("admin", "everything")).toBe(true)
    for (const role of ["support", "concierge"] as const) {
      expect(roleHas(role, "everything")).toBe(false)
      expect(roleHas(role, "staff.manage")).toBe(false)
      expect(roleHas(role, "pricing.write")).toBe(false)
      expect(roleHas(role, "broadcasts")).toBe(false)
    }
    expect(roleHas("support", "catalog.read")).toBe(true)
    expect(roleHas("concierge", "catalog.read")).toBe(false)
    expect(roleHas("concierge", "orders.read")).toBe(true)
  })
})
