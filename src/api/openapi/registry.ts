import { OpenApiGeneratorV31, OpenAPIRegistry } from "@asteasolutions/zod-to-openapi"
import { z } from "@medusajs/framework/zod"
import { GetAdminActivityParams } from "../admin/activity/validators"
import {
  GetAdminAnalyticsSnapshotsParams,
  GetAdminAnalyticsSummaryParams,
  PostAdminAnalyticsSnapshot,
} from "../admin/analytics/validators"
import {
  GetAdminBroadcastParams,
  GetAdminBroadcastRecipientsParams,
  GetAdminBroadcastsParams,
  PostAdminBroadcast,
  PostAdminBroadcastAction,
  PostAdminBroadcastPreview,
} from "../admin/broadcasts/validators"
import {
  GetAdminConversationParams,
  GetAdminConversationsParams,
  PostAdminConversationAction,
  PostAdminConversationAssign,
  PostAdminConversationMessage,
} from "../admin/concierge/validators"
import { PostAdminCustomerErase } from "../admin/customers/[id]/erase/validators"
import { GetAdminCustomerExport } from "../admin/customers/[id]/export/validators"
import { PostAdminCustomerImpersonate } from "../admin/customers/[id]/impersonate/validators"
import { GetAdminFxRatesParams, PostAdminFxRate } from "../admin/fx-rates/validators"
import {
  GetAdminInventoryAdjustmentsParams,
  PostAdminInventoryAdjustment,
} from "../admin/inventory-adjustments/validators"
import { GetAdminLowStockParams } from "../admin/low-stock/validators"
import { GetAdminStaffParams, PostAdminStaffRole } from "../admin/staff/validators"
import { PostUserOtp } from "../auth/user/otp/validators"
import { GetWhatsAppWebhookParams, PostWhatsAppWebhook } from "../hooks/whatsapp/validators"
import { PostStoreEscalation } from "../store/concierge/escalations/validators"
import { GetStoreConsentsParams, PostStoreConsents } from "../store/customers/me/consents/validators"
import { PostStoreCustomerErase } from "../store/customers/me/erase/validators"
import { GetStoreCustomerExport } from "../store/customers/me/export/validators"
import { PostStoreUnsubscribe, StoreUnsubscribeParams } from "../store/notifications/unsubscribe/validators"
import { GetStoreOrderTrackingParams } from "../store/orders/[id]/tracking/validators"
import * as R from "./schemas"

type Method = "get" | "post"

/** How a route is called: which credentials it takes. */
type Access = "store" | "store_customer" | "store_optional_customer" | "admin" | "hook" | "docs" | "metrics" | "auth"

/** One route this project adds (or, for auth and payment hooks, gives its own contract). */
export type CustomRoute = {
  method: Method
  /** OpenAPI style: `/store/orders/{id}/tracking`. */
  path: string
  summary: string
  tag: string
  access: Access
  query?: z.ZodType
  body?: z.ZodType
  /** The success status, 200 unless said. */
  status?: number
  /** JSON body of the success answer, or another media type's. */
  response: z.ZodType | { mediaType: string; schema: z.ZodType }
  description?: string
}

const SECURITY: Record<Access, Record<string, string[]>[]> = {
  store: [{ publishable_key: [] }],
  store_customer: [{ publishable_key: [], bearer: [] }, { publishable_key: [], session: [] }],
  store_optional_customer: [{ publishable_key: [] }, { publishable_key: [], bearer: [] }],
  admin: [{ bearer: [] }, { session: [] }, { secret_api_key: [] }],
  // Open in development; an admin's credentials in production.
  docs: [{}, { bearer: [] }, { session: [] }, { secret_api_key: [] }],
  metrics: [{}, { metrics_token: [] }],
  hook: [],
  auth: [],
}

const idParam = (name = "id") => z.object({ [name]: z.string().min(1) })

/** Path parameters named in an OpenAPI path, as strings. */
function pathParams(path: string): z.ZodObject | undefined {
  const names = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1])
  if (!names.length) {
    return undefined
  }
  return names.reduce((schema, name) => schema.extend(idParam(name).shape), z.object({}))
}

const text = (schema: z.ZodType = z.string()) => ({ mediaType: "text/plain", schema })

/** Every route this project adds, with its validator and a short response schema. */
export const CUSTOM_ROUTES: CustomRoute[] = [
  // --- Store ---------------------------------------------------------------
  {
    method: "post",
    path: "/store/concierge/escalations",
    summary: "Ask the WhatsApp concierge for a person",
    tag: "Store: concierge",
    access: "store_optional_customer",
    body: PostStoreEscalation,
    status: 201,
    response: R.StoreEscalationResponse,
    description: "Limited per phone number and per client address (429 with Retry-After above the limit).",
  },
  {
    method: "get",
    path: "/store/orders/{id}/tracking",
    summary: "An order's status and timeline",
    tag: "Store: orders",
    access: "store_optional_customer",
    query: GetStoreOrderTrackingParams,
    response: R.StoreOrderTrackingResponse,
    description: "For the order's customer (their token) or with `?token=` from the order's messages; 404 otherwise.",
  },
  {
    method: "get",
    path: "/store/customers/me/export",
    summary: "Everything held about the signed-in customer (GDPR export)",
    tag: "Store: privacy",
    access: "store_customer",
    query: GetStoreCustomerExport,
    response: R.StoreCustomerExportResponse,
  },
  {
    method: "post",
    path: "/store/customers/me/erase",
    summary: "Erase the signed-in customer's personal data (orders are kept, anonymised)",
    tag: "Store: privacy",
    access: "store_customer",
    body: PostStoreCustomerErase,
    status: 202,
    response: R.StoreCustomerEraseResponse,
  },
  {
    method: "get",
    path: "/store/customers/me/consents",
    summary: "The customer's messaging choices per channel",
    tag: "Store: privacy",
    access: "store_customer",
    query: GetStoreConsentsParams,
    response: R.StoreConsentsResponse,
  },
  {
    method: "post",
    path: "/store/customers/me/consents",
    summary: "Record messaging choices",
    tag: "Store: privacy",
    access: "store_customer",
    body: PostStoreConsents,
    response: R.StoreConsentsResponse,
  },
  {
    method: "get",
    path: "/store/notifications/unsubscribe",
    summary: "Marketing opt-out from a message's link",
    tag: "Store: privacy",
    access: "store",
    query: StoreUnsubscribeParams,
    response: R.StoreUnsubscribeResponse,
  },
  {
    method: "post",
    path: "/store/notifications/unsubscribe",
    summary: "One-click marketing opt-out (RFC 8058)",
    tag: "Store: privacy",
    access: "store",
    query: StoreUnsubscribeParams,
    body: PostStoreUnsubscribe,
    response: R.StoreUnsubscribeResponse,
  },
  // --- Auth ----------------------------------------------------------------
  {
    method: "post",
    path: "/auth/user/otp",
    summary: "Admin sign-in with a one-time code: `{ email }` sends a code, `{ email, code }` answers a token",
    tag: "Auth",
    access: "auth",
    body: PostUserOtp,
    response: R.UserOtpResponse,
    description: "Medusa's provider route with this project's `otp` provider; `{ sent: true }` whether or not the user exists.",
  },
  // --- Hooks ---------------------------------------------------------------
  {
    method: "get",
    path: "/hooks/whatsapp",
    summary: "Meta's webhook verification handshake (answers hub.challenge)",
    tag: "Hooks",
    access: "hook",
    query: GetWhatsAppWebhookParams,
    response: text(),
  },
  {
    method: "post",
    path: "/hooks/whatsapp",
    summary: "WhatsApp Cloud API messages and statuses, signed with X-Hub-Signature-256",
    tag: "Hooks",
    access: "hook",
    body: PostWhatsAppWebhook,
    response: text(z.literal("OK")),
  },
  {
    method: "post",
    path: "/hooks/payment/paystack_paystack",
    summary: "Paystack webhook, signed with X-Paystack-Signature (401 unsigned or forged)",
    tag: "Hooks",
    access: "hook",
    body: z.looseObject({ event: z.string(), data: z.looseObject({}) }),
    response: z.unknown(),
  },
  {
    method: "post",
    path: "/hooks/payment/stripe_stripe",
    summary: "Stripe webhook, signed with Stripe-Signature (401 unsigned or forged)",
    tag: "Hooks",
    access: "hook",
    body: z.looseObject({ id: z.string(), type: z.string() }),
    response: z.unknown(),
  },
  // --- Admin ---------------------------------------------------------------
  {
    method: "get",
    path: "/admin/fx-rates",
    summary: "FX rates",
    tag: "Admin: pricing",
    access: "admin",
    query: GetAdminFxRatesParams,
    response: R.AdminFxRateListResponse,
  },
  {
    method: "post",
    path: "/admin/fx-rates",
    summary: "Add an FX rate",
    tag: "Admin: pricing",
    access: "admin",
    body: PostAdminFxRate,
    status: 201,
    response: R.AdminFxRateResponse,
  },
  {
    method: "post",
    path: "/admin/fx-rates/reprice",
    summary: "Recompute derived prices from the current FX rates",
    tag: "Admin: pricing",
    access: "admin",
    response: R.AdminRepriceResponse,
  },
  {
    method: "get",
    path: "/admin/staff",
    summary: "Admin users with their staff role",
    tag: "Admin: staff",
    access: "admin",
    query: GetAdminStaffParams,
    response: R.AdminStaffListResponse,
  },
  {
    method: "post",
    path: "/admin/staff/{user_id}/role",
    summary: "Set a user's staff role",
    tag: "Admin: staff",
    access: "admin",
    body: PostAdminStaffRole,
    response: R.AdminStaffRoleResponse,
  },
  {
    method: "post",
    path: "/admin/customers/{id}/impersonate",
    summary: "A short-lived customer token for support (recorded in the activity log)",
    tag: "Admin: customers",
    access: "admin",
    body: PostAdminCustomerImpersonate,
    status: 201,
    response: R.AdminImpersonationResponse,
  },
  {
    method: "get",
    path: "/admin/customers/{id}/export",
    summary: "Everything held about a customer (GDPR export)",
    tag: "Admin: customers",
    access: "admin",
    query: GetAdminCustomerExport,
    response: R.AdminCustomerExportResponse,
  },
  {
    method: "post",
    path: "/admin/customers/{id}/erase",
    summary: "Erase a customer's personal data",
    tag: "Admin: customers",
    access: "admin",
    body: PostAdminCustomerErase,
    response: R.AdminCustomerEraseResponse,
  },
  {
    method: "get",
    path: "/admin/concierge/conversations",
    summary: "Concierge inbox",
    tag: "Admin: concierge",
    access: "admin",
    query: GetAdminConversationsParams,
    response: R.AdminConversationListResponse,
  },
  {
    method: "get",
    path: "/admin/concierge/conversations/{id}",
    summary: "A conversation with its messages",
    tag: "Admin: concierge",
    access: "admin",
    query: GetAdminConversationParams,
    response: R.AdminConversationResponse,
  },
  {
    method: "post",
    path: "/admin/concierge/conversations/{id}/messages",
    summary: "Reply (text inside WhatsApp's 24-hour window, else a template)",
    tag: "Admin: concierge",
    access: "admin",
    body: PostAdminConversationMessage,
    status: 201,
    response: R.AdminConversationMessageResponse,
  },
  {
    method: "get",
    path: "/admin/concierge/conversations/{id}/messages/{message_id}/media",
    summary: "The image or document a customer sent, fetched from WhatsApp",
    tag: "Admin: concierge",
    access: "admin",
    query: GetAdminConversationParams,
    response: { mediaType: "application/octet-stream", schema: z.string().describe("The file's bytes") },
    description: "Images and PDFs inline with their own type; anything else as a download.",
  },
  {
    method: "post",
    path: "/admin/concierge/conversations/{id}/assign",
    summary: "Assign to a staff member (null: unassign)",
    tag: "Admin: concierge",
    access: "admin",
    body: PostAdminConversationAssign,
    response: R.AdminConversationResponse,
  },
  {
    method: "post",
    path: "/admin/concierge/conversations/{id}/read",
    summary: "Mark as read",
    tag: "Admin: concierge",
    access: "admin",
    body: PostAdminConversationAction,
    response: R.AdminConversationResponse,
  },
  {
    method: "post",
    path: "/admin/concierge/conversations/{id}/resolve",
    summary: "Resolve",
    tag: "Admin: concierge",
    access: "admin",
    body: PostAdminConversationAction,
    response: R.AdminConversationResponse,
  },
  {
    method: "get",
    path: "/admin/broadcasts",
    summary: "Broadcasts with recipient counts",
    tag: "Admin: broadcasts",
    access: "admin",
    query: GetAdminBroadcastsParams,
    response: R.AdminBroadcastListResponse,
  },
  {
    method: "post",
    path: "/admin/broadcasts",
    summary: "Create a broadcast (draft, or scheduled with scheduled_at)",
    tag: "Admin: broadcasts",
    access: "admin",
    body: PostAdminBroadcast,
    status: 201,
    response: R.AdminBroadcastResponse,
  },
  {
    method: "post",
    path: "/admin/broadcasts/preview",
    summary: "Audience size and a rendered sample, before creating",
    tag: "Admin: broadcasts",
    access: "admin",
    body: PostAdminBroadcastPreview,
    response: R.AdminBroadcastPreviewResponse,
  },
  {
    method: "get",
    path: "/admin/broadcasts/{id}",
    summary: "A broadcast with its recipient counts",
    tag: "Admin: broadcasts",
    access: "admin",
    query: GetAdminBroadcastParams,
    response: R.AdminBroadcastResponse,
  },
  {
    method: "get",
    path: "/admin/broadcasts/{id}/recipients",
    summary: "A broadcast's recipients",
    tag: "Admin: broadcasts",
    access: "admin",
    query: GetAdminBroadcastRecipientsParams,
    response: R.AdminBroadcastRecipientsResponse,
  },
  {
    method: "post",
    path: "/admin/broadcasts/{id}/{action}",
    summary: "`send`, `cancel`, or `test` (to the signed-in admin)",
    tag: "Admin: broadcasts",
    access: "admin",
    body: PostAdminBroadcastAction,
    response: R.AdminBroadcastActionResponse,
  },
  {
    method: "get",
    path: "/admin/activity",
    summary: "Activity log, newest first, by cursor",
    tag: "Admin: activity",
    access: "admin",
    query: GetAdminActivityParams,
    response: R.AdminActivityResponse,
  },
  {
    method: "get",
    path: "/admin/activity/verify",
    summary: "Check the activity log's hash chain",
    tag: "Admin: activity",
    access: "admin",
    response: R.AdminActivityVerifyResponse,
  },
  {
    method: "get",
    path: "/admin/inventory-adjustments",
    summary: "Inventory adjustment ledger",
    tag: "Admin: inventory",
    access: "admin",
    query: GetAdminInventoryAdjustmentsParams,
    response: R.AdminInventoryAdjustmentListResponse,
  },
  {
    method: "post",
    path: "/admin/inventory-adjustments",
    summary: "Adjust stock with a reason",
    tag: "Admin: inventory",
    access: "admin",
    body: PostAdminInventoryAdjustment,
    status: 201,
    response: R.AdminInventoryAdjustmentResponse,
  },
  {
    method: "get",
    path: "/admin/low-stock",
    summary: "Items at or below their low-stock threshold",
    tag: "Admin: inventory",
    access: "admin",
    query: GetAdminLowStockParams,
    response: R.AdminLowStockResponse,
  },
  {
    method: "get",
    path: "/admin/analytics/snapshots",
    summary: "Daily analytics snapshots (default: the last 30 store days)",
    tag: "Admin: analytics",
    access: "admin",
    query: GetAdminAnalyticsSnapshotsParams,
    response: R.AdminAnalyticsSnapshotsResponse,
  },
  {
    method: "post",
    path: "/admin/analytics/snapshots",
    summary: "Recompute one finished store day",
    tag: "Admin: analytics",
    access: "admin",
    body: PostAdminAnalyticsSnapshot,
    response: R.AdminAnalyticsSnapshotsResponse,
  },
  {
    method: "get",
    path: "/admin/analytics/summary",
    summary: "A period's totals in one currency, against the period before",
    tag: "Admin: analytics",
    access: "admin",
    query: GetAdminAnalyticsSummaryParams,
    response: R.AdminAnalyticsSummaryResponse,
  },
  // --- Operations ----------------------------------------------------------
  {
    method: "get",
    path: "/metrics",
    summary: "Prometheus metrics of this server process",
    tag: "Operations",
    access: "metrics",
    response: text(),
    description:
      "With METRICS_TOKEN set: `Authorization: Bearer <METRICS_TOKEN>` (401 otherwise). Without it: open outside production, 404 in production.",
  },
  {
    method: "get",
    path: "/docs",
    summary: "This document in Swagger UI",
    tag: "Operations",
    access: "docs",
    response: { mediaType: "text/html", schema: z.string() },
    description: "Open in development; in production an admin's token, session or secret API key.",
  },
  {
    method: "get",
    path: "/docs/openapi.json",
    summary: "This document",
    tag: "Operations",
    access: "docs",
    response: z.looseObject({ openapi: z.string() }),
  },
  {
    method: "get",
    path: "/docs/assets/{file}",
    summary: "Swagger UI's script and style files",
    tag: "Operations",
    access: "docs",
    response: { mediaType: "application/javascript", schema: z.string() },
  },
]

const ERRORS: Record<number, string> = {
  400: "Invalid input; the message names the field",
  401: "Missing or invalid credentials",
  403: "The staff role does not allow this",
  404: "Not found",
  409: "Conflicts with the current state",
  429: "Rate limited; see Retry-After",
}

function errorResponses(route: CustomRoute) {
  const codes = [400, 404, 429]
  if (route.access !== "store" && route.access !== "auth") {
    codes.push(401)
  }
  if (route.access === "admin") {
    codes.push(403, 409)
  }
  return Object.fromEntries(
    codes
      .sort()
      .map((code) => [
        code,
        { description: ERRORS[code], content: { "application/json": { schema: R.ErrorResponse } } },
      ])
  )
}

function registerRoutes(registry: OpenAPIRegistry, routes: CustomRoute[]) {
  registry.registerComponent("securitySchemes", "publishable_key", {
    type: "apiKey",
    in: "header",
    name: "x-publishable-api-key",
    description: "The store's publishable API key",
  })
  registry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
    description: "A token from /auth/customer/emailpass (store) or /auth/user/{provider} (admin)",
  })
  registry.registerComponent("securitySchemes", "session", {
    type: "apiKey",
    in: "cookie",
    name: "connect.sid",
    description: "Medusa's cookie session (POST /auth/session)",
  })
  registry.registerComponent("securitySchemes", "secret_api_key", {
    type: "http",
    scheme: "basic",
    description: "An admin secret API key as the username, empty password",
  })
  registry.registerComponent("securitySchemes", "metrics_token", {
    type: "http",
    scheme: "bearer",
    description: "METRICS_TOKEN",
  })
  for (const route of routes) {
    const success =
      route.response instanceof z.ZodType
        ? { "application/json": { schema: route.response } }
        : { [route.response.mediaType]: { schema: route.response.schema } }
    registry.registerPath({
      method: route.method,
      path: route.path,
      summary: route.summary,
      description: route.description,
      tags: [route.tag],
      security: SECURITY[route.access],
      request: {
        params: pathParams(route.path),
        query: route.query as z.ZodObject | undefined,
        body: route.body ? { content: { "application/json": { schema: route.body } } } : undefined,
      },
      responses: {
        [route.status ?? 200]: { description: "Success", content: success },
        ...errorResponses(route),
      },
    })
  }
}

export const OPENAPI_INFO = {
  title: "Naira & Dollar Store API (project routes)",
  version: "1.0.0",
  description:
    "The routes this project adds to Medusa's store and admin APIs. Medusa's own routes keep their shapes: see https://docs.medusajs.com/api/store and /api/admin. Money is in the currency's major unit (NGN, USD).",
}

/** The OpenAPI 3.1 document of every route in CUSTOM_ROUTES. */
export function buildOpenApiDocument(routes: CustomRoute[] = CUSTOM_ROUTES) {
  const registry = new OpenAPIRegistry()
  registerRoutes(registry, routes)
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: OPENAPI_INFO,
    servers: [{ url: "/" }],
  })
}
