import { StaffRoleName } from "./models/staff-role"

/**
 * Who may do what in the admin API. Read the first table across: a permission
 * and whether each role has it. The second table maps admin routes to the
 * permission they need; the first matching row wins, and a route no row names
 * needs "everything" (admin only), so new routes are closed until listed here.
 */

//                                     admin  support concierge
const GRANTS = {
  session: /*                     */ [true, true, true],
  "settings.read": /*             */ [true, true, true],
  "customers.read": /*            */ [true, true, true],
  "orders.read": /*               */ [true, true, true],
  concierge: /*                   */ [true, true, true],
  "catalog.read": /*              */ [true, true, false],
  "inventory.read": /*            */ [true, true, false],
  "pricing.read": /*              */ [true, true, false],
  "orders.notes": /*              */ [true, true, false],
  "inventory.write": /*           */ [true, true, false],
  "orders.fulfil": /*             */ [true, true, false],
  "customers.impersonate": /*     */ [true, true, false],
  "customers.export": /*          */ [true, true, false],
  "customers.erase": /*           */ [true, false, false],
  "pricing.write": /*             */ [true, false, false],
  "staff.manage": /*              */ [true, false, false],
  broadcasts: /*                  */ [true, false, false],
  everything: /*                  */ [true, false, false],
} satisfies Record<string, [boolean, boolean, boolean]>

export type Permission = keyof typeof GRANTS

const ROLE_COLUMN: Record<StaffRoleName, 0 | 1 | 2> = { admin: 0, support: 1, concierge: 2 }

export function roleHas(role: StaffRoleName, permission: Permission): boolean {
  return GRANTS[permission][ROLE_COLUMN[role]]
}

type Method = "GET" | "POST" | "DELETE" | "*"
type RouteRule = [Method, string, Permission, ((body: unknown) => boolean)?]

/** A body that changes nothing but `metadata` (where staff keep order notes). */
const onlyMetadata = (body: unknown) =>
  !!body && typeof body === "object" && Object.keys(body).every((key) => key === "metadata")

//  method    route                                              permission
const ROUTES: RouteRule[] = [
  ["*", "/admin/users/me", "session"],
  ["GET", "/admin/stores*", "settings.read"],
  ["GET", "/admin/regions*", "settings.read"],
  ["GET", "/admin/currencies*", "settings.read"],
  ["GET", "/admin/sales-channels*", "settings.read"],
  ["GET", "/admin/stock-locations*", "settings.read"],
  ["GET", "/admin/feature-flags*", "settings.read"],
  ["GET", "/admin/notifications*", "settings.read"], // the dashboard's notification bell, for every role
  ["GET", "/admin/locales*", "settings.read"],
  ["GET", "/admin/views*", "settings.read"],
  ["GET", "/admin/customers/:id/export", "customers.export"],
  ["POST", "/admin/customers/:id/erase", "customers.erase"],
  ["POST", "/admin/customers/:id/impersonate", "customers.impersonate"],
  ["GET", "/admin/customers*", "customers.read"],
  ["GET", "/admin/customer-groups*", "customers.read"],
  ["GET", "/admin/orders*", "orders.read"],
  ["GET", "/admin/returns*", "orders.read"],
  ["GET", "/admin/claims*", "orders.read"],
  ["GET", "/admin/exchanges*", "orders.read"],
  ["GET", "/admin/order-changes*", "orders.read"],
  ["GET", "/admin/payments*", "orders.read"],
  ["GET", "/admin/payment-collections*", "orders.read"],
  ["POST", "/admin/orders/:id", "orders.notes", onlyMetadata],
  ["POST", "/admin/orders/:id/fulfillments*", "orders.fulfil"],
  ["*", "/admin/concierge*", "concierge"],
  ["GET", "/admin/products*", "catalog.read"],
  ["GET", "/admin/product-variants*", "catalog.read"],
  ["GET", "/admin/product-categories*", "catalog.read"],
  ["GET", "/admin/collections*", "catalog.read"],
  ["GET", "/admin/product-types*", "catalog.read"],
  ["GET", "/admin/product-tags*", "catalog.read"],
  ["GET", "/admin/price-lists*", "catalog.read"],
  ["GET", "/admin/inventory-items*", "inventory.read"],
  ["GET", "/admin/reservations*", "inventory.read"],
  ["GET", "/admin/inventory-adjustments*", "inventory.read"],
  ["GET", "/admin/low-stock*", "inventory.read"],
  ["POST", "/admin/inventory-adjustments", "inventory.write"],
  ["GET", "/admin/fx-rates*", "pricing.read"],
  ["POST", "/admin/fx-rates*", "pricing.write"],
  ["*", "/admin/staff*", "staff.manage"],
  ["*", "/admin/users*", "staff.manage"],
  ["*", "/admin/invites*", "staff.manage"],
  ["*", "/admin/broadcasts*", "broadcasts"],
  ["GET", "/admin/analytics/snapshots", "everything"],
  ["POST", "/admin/analytics/snapshots", "everything"],
  ["GET", "/admin/analytics/summary", "everything"],
]

const compiled = ROUTES.map(([method, route, permission, when]) => ({
  method,
  pattern: new RegExp(
    `^${route
      .replace(/[.+?^${}()|[\]\\]/g, "\\$&")
      .replace(/:[a-z_]+/g, "[^/]+")
      .replace(/\*$/, "(?:/.*)?")}/?$`
  ),
  permission,
  when,
}))

/** The permission an admin request needs. */
export function permissionFor(method: string, path: string, body?: unknown): Permission {
  const rule = compiled.find(
    (r) =>
      (r.method === "*" || r.method === method) &&
      r.pattern.test(path) &&
      (!r.when || r.when(body))
  )
  return rule?.permission ?? "everything"
}
