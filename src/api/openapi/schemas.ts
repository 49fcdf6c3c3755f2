import { z } from "@medusajs/framework/zod"
import { NOTIFICATION_CHANNELS } from "../../lib/notifications/types"
import { TIMELINE_STATUSES } from "../../lib/order-tracking/timeline"
import { CONSENT_PURPOSES } from "../../modules/consent/models/customer-consent"

/**
 * Short response schemas of this project's routes, for the OpenAPI document
 * and the storefront SDK's types. Records the routes return from Medusa's Query
 * are described by their main fields (`looseObject`: more may be present).
 */

export const ErrorResponse = z.object({ type: z.string(), message: z.string() })

const record = (fields: Record<string, z.ZodType>) => z.looseObject({ id: z.string(), ...fields })

const page = <T extends z.ZodType>(key: string, item: T) =>
  z.object({ [key]: z.array(item), count: z.number().int(), offset: z.number().int(), limit: z.number().int() })

// --- Store -----------------------------------------------------------------

export const StoreEscalationResponse = z.object({
  conversation: z.object({ id: z.string(), reference: z.string(), status: z.literal("open") }),
  /** wa.me link that opens WhatsApp with the reference typed in; null without WHATSAPP_BUSINESS_NUMBER. */
  whatsapp_url: z.string().nullable(),
})

export const StoreOrderTrackingResponse = z.object({
  order: z.object({
    id: z.string(),
    display_id: z.number().int(),
    status: z.string(),
    payment_status: z.string(),
    fulfillment_status: z.string(),
    currency_code: z.string(),
    /** In the currency's major unit, as Medusa returns amounts. */
    total: z.number(),
  }),
  timeline: z.array(z.object({ status: z.enum(TIMELINE_STATUSES), at: z.string(), detail: z.string().optional() })),
})

export const StoreCustomerExportResponse = z.object({
  /** Every record held about the customer (profile, addresses, orders, consents, messages, activity). */
  export: z.record(z.string(), z.unknown()),
})

export const StoreCustomerEraseResponse = z.object({ erased: z.literal(true) })

export const StoreConsent = z.object({
  channel: z.enum(NOTIFICATION_CHANNELS),
  purpose: z.enum(CONSENT_PURPOSES),
  granted: z.boolean(),
  /** `default` until the customer (or an unsubscribe link, or an erase) records a choice. */
  source: z.string(),
  updated_at: z.string().nullable(),
})

export const StoreConsentsResponse = z.object({ consents: z.array(StoreConsent) })

export const StoreUnsubscribeResponse = z.object({
  unsubscribed: z.literal(true),
  channel: z.enum(NOTIFICATION_CHANNELS),
})

// --- Admin -----------------------------------------------------------------

const Broadcast = record({
  name: z.string(),
  channel: z.enum(NOTIFICATION_CHANNELS),
  status: z.string(),
  counts: z.record(z.string(), z.number()).optional(),
})
export const AdminBroadcastResponse = z.object({ broadcast: Broadcast })
export const AdminBroadcastListResponse = page("broadcasts", Broadcast)
export const AdminBroadcastPreviewResponse = z.object({
  audience_size: z.number().int(),
  skipped_opted_out: z.number().int(),
  rendered: z.object({ subject: z.string().optional(), text: z.string(), html: z.string().optional() }),
})
export const AdminBroadcastRecipientsResponse = page(
  "recipients",
  record({ customer_id: z.string(), status: z.string(), last_error: z.string().nullable().optional() })
)
/** `send` and `cancel` answer the broadcast; `test` where the test message went. */
export const AdminBroadcastActionResponse = z.union([
  AdminBroadcastResponse,
  z.object({ sent: z.literal(true), to: z.string(), provider_message_id: z.string() }),
])

const Conversation = record({ reference: z.string(), status: z.string() })
export const AdminConversationListResponse = page("conversations", Conversation)
export const AdminConversationResponse = z.looseObject({ conversation: Conversation })
export const AdminConversationMessageResponse = z.object({
  concierge_message: record({ direction: z.string(), body: z.string().nullable().optional() }),
  conversation: Conversation,
})

export const AdminActivityResponse = z.object({
  events: z.array(record({ action: z.string(), actor_type: z.string(), occurred_at: z.string() })),
  next_cursor: z.string().nullable(),
  limit: z.number().int(),
})
export const AdminActivityVerifyResponse = z.looseObject({ valid: z.boolean() })

export const AdminFxRateResponse = z.object({
  fx_rate: record({ base_currency: z.string(), quote_currency: z.string(), rate: z.string() }),
})
export const AdminFxRateListResponse = page(
  "fx_rates",
  record({ base_currency: z.string(), quote_currency: z.string(), rate: z.string() })
)
export const AdminRepriceResponse = z.object({ reprice: z.looseObject({}) })

const InventoryAdjustment = record({ inventory_item_id: z.string(), location_id: z.string(), delta: z.number().int() })
export const AdminInventoryAdjustmentListResponse = page("inventory_adjustments", InventoryAdjustment)
export const AdminInventoryAdjustmentResponse = z.object({
  inventory_adjustment: InventoryAdjustment,
  low_stock: z.unknown(),
})
export const AdminLowStockResponse = page(
  "low_stock",
  z.looseObject({ inventory_item_id: z.string(), alerted_at: z.string().nullable() })
)

export const AdminStaffListResponse = page("staff", record({ email: z.string(), role: z.string() }))
export const AdminStaffRoleResponse = z.object({ staff_role: z.object({ user_id: z.string(), role: z.string() }) })

export const AdminCustomerExportResponse = StoreCustomerExportResponse
export const AdminCustomerEraseResponse = z.looseObject({})
export const AdminImpersonationResponse = z.object({ impersonation: z.looseObject({ token: z.string() }) })

export const AdminAnalyticsSnapshotsResponse = z.looseObject({
  snapshots: z.array(z.looseObject({ date: z.string(), currency_code: z.string() })),
  count: z.number().int(),
})
export const AdminAnalyticsSummaryResponse = z.object({ summary: z.looseObject({ currency_code: z.string() }) })

// --- Auth, hooks, operations -------------------------------------------------

export const UserOtpResponse = z.union([z.object({ sent: z.literal(true) }), z.object({ token: z.string() })])
