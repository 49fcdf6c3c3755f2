/**
 * Typed client for this project's custom store routes, on top of
 * `@medusajs/js-sdk`: it calls `sdk.client.fetch`, so requests carry the same
 * publishable key and the same customer authentication (JWT or session) as
 * the SDK's own `sdk.store.*` calls.
 *
 * ```ts
 * import Medusa from "@medusajs/js-sdk"
 * import { storeExtensions } from "./sdk"
 *
 * const sdk = new Medusa({ baseUrl, publishableKey })
 * const store = storeExtensions(sdk)
 * await store.concierge.escalate({ phone: "0803 123 4567", message: "Where is my order?" })
 * ```
 *
 * Request types are the route validators' input types (`z.input`), response
 * types the schemas of the OpenAPI document (src/api/openapi/schemas.ts):
 * types only, nothing from the server is bundled.
 */
import type Medusa from "@medusajs/js-sdk"
import type { ClientHeaders } from "@medusajs/js-sdk"
import type { z } from "@medusajs/framework/zod"
import type * as Responses from "../src/api/openapi/schemas"
import type { PostStoreEscalation } from "../src/api/store/concierge/escalations/validators"
import type { GetStoreConsentsParams, PostStoreConsents } from "../src/api/store/customers/me/consents/validators"
import type { PostStoreCustomerErase } from "../src/api/store/customers/me/erase/validators"
import type { PostStoreUnsubscribe, StoreUnsubscribeParams } from "../src/api/store/notifications/unsubscribe/validators"
import type { GetStoreOrderTrackingParams } from "../src/api/store/orders/[id]/tracking/validators"

// --- Request types: what each route's validator accepts --------------------------
export type StoreEscalationInput = z.input<typeof PostStoreEscalation>
export type StoreOrderTrackingQuery = z.input<typeof GetStoreOrderTrackingParams>
export type StoreConsentsQuery = z.input<typeof GetStoreConsentsParams>
export type StoreConsentsInput = z.input<typeof PostStoreConsents>
export type StoreCustomerEraseInput = z.input<typeof PostStoreCustomerErase>
export type StoreUnsubscribeQuery = z.input<typeof StoreUnsubscribeParams>
export type StoreUnsubscribeInput = z.input<typeof PostStoreUnsubscribe>

// --- Response types --------------------------------------------------------------
export type StoreEscalationResponse = z.infer<typeof Responses.StoreEscalationResponse>
export type StoreOrderTrackingResponse = z.infer<typeof Responses.StoreOrderTrackingResponse>
export type StoreCustomerExportResponse = z.infer<typeof Responses.StoreCustomerExportResponse>
export type StoreCustomerEraseResponse = z.infer<typeof Responses.StoreCustomerEraseResponse>
export type StoreConsent = z.infer<typeof Responses.StoreConsent>
export type StoreConsentsResponse = z.infer<typeof Responses.StoreConsentsResponse>
export type StoreUnsubscribeResponse = z.infer<typeof Responses.StoreUnsubscribeResponse>
/** Every error answer: `{ type, message }` (400 names the field, 429 comes with Retry-After). */
export type StoreErrorResponse = z.infer<typeof Responses.ErrorResponse>

type Client = Pick<Medusa, "client">

/** The custom store routes, bound to one `Medusa` instance. */
export function storeExtensions(sdk: Client) {
  const { client } = sdk
  return {
    concierge: {
      /** `POST /store/concierge/escalations`: a person follows up on WhatsApp (201). */
      escalate: (body: StoreEscalationInput, headers?: ClientHeaders) =>
        client.fetch<StoreEscalationResponse>("/store/concierge/escalations", { method: "POST", body, headers }),
    },
    orders: {
      /**
       * `GET /store/orders/:id/tracking`: for the signed-in owner, or anyone with
       * the `token` from the order's messages.
       */
      tracking: (orderId: string, query?: StoreOrderTrackingQuery, headers?: ClientHeaders) =>
        client.fetch<StoreOrderTrackingResponse>(`/store/orders/${encodeURIComponent(orderId)}/tracking`, {
          method: "GET",
          query,
          headers,
        }),
    },
    customer: {
      /** `GET /store/customers/me/export`: every record held about the signed-in customer. */
      exportData: (headers?: ClientHeaders) =>
        client.fetch<StoreCustomerExportResponse>("/store/customers/me/export", { method: "GET", headers }),
      /** `POST /store/customers/me/erase` (202): personal data anonymised, orders kept. */
      erase: (body: StoreCustomerEraseInput = {}, headers?: ClientHeaders) =>
        client.fetch<StoreCustomerEraseResponse>("/store/customers/me/erase", { method: "POST", body, headers }),
      consents: {
        /** `GET /store/customers/me/consents`. */
        list: (query?: StoreConsentsQuery, headers?: ClientHeaders) =>
          client.fetch<StoreConsentsResponse>("/store/customers/me/consents", { method: "GET", query, headers }),
        /** `POST /store/customers/me/consents`: answers every choice after the update. */
        update: (body: StoreConsentsInput, headers?: ClientHeaders) =>
          client.fetch<StoreConsentsResponse>("/store/customers/me/consents", { method: "POST", body, headers }),
      },
    },
    notifications: {
      /** `GET /store/notifications/unsubscribe?token=`: the link from a marketing message. */
      unsubscribe: (query: StoreUnsubscribeQuery, headers?: ClientHeaders) =>
        client.fetch<StoreUnsubscribeResponse>("/store/notifications/unsubscribe", { method: "GET", query, headers }),
      /** `POST /store/notifications/unsubscribe?token=`: one-click unsubscribe (RFC 8058). */
      unsubscribeOneClick: (query: StoreUnsubscribeQuery, body: StoreUnsubscribeInput = {}, headers?: ClientHeaders) =>
        client.fetch<StoreUnsubscribeResponse>("/store/notifications/unsubscribe", {
          method: "POST",
          query,
          body,
          headers,
        }),
    },
  }
}

export type StoreExtensions = ReturnType<typeof storeExtensions>
