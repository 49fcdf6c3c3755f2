import { defineMiddlewares } from "@medusajs/framework/http"
import { activityRecorderMiddlewares } from "./admin/activity-recorder"
import { loginActivityMiddlewares } from "./auth/login-activity"
import { adminActivityMiddlewares } from "./admin/activity/middlewares"
import { adminCustomerGdprMiddlewares } from "./admin/customers/[id]/gdpr-middlewares"
import { adminBroadcastsMiddlewares } from "./admin/broadcasts/middlewares"
import { adminConciergeMiddlewares } from "./admin/concierge/middlewares"
import { errorHandler } from "./error-handler"
import { docsMiddlewares } from "./docs/middlewares"
import { requestIdMiddlewares } from "./request-id"
import { whatsAppWebhookMiddlewares } from "./hooks/whatsapp/middlewares"
import { storeConciergeEscalationsMiddlewares } from "./store/concierge/escalations/middlewares"
import { storeResponseCacheMiddlewares } from "./store/response-cache"
import { storeCacheInvalidationMiddlewares } from "./admin/store-cache-invalidation"
import { adminFxRatesMiddlewares } from "./admin/fx-rates/middlewares"
import { adminInventoryAdjustmentsMiddlewares } from "./admin/inventory-adjustments/middlewares"
import { adminLowStockMiddlewares } from "./admin/low-stock/middlewares"
import { adminCustomerImpersonateMiddlewares } from "./admin/customers/[id]/impersonate/middlewares"
import { staffGuardMiddlewares } from "./admin/staff-guard"
import { adminStaffMiddlewares } from "./admin/staff/middlewares"
import { userOtpMiddlewares } from "./auth/user/otp/middlewares"
import { paymentWebhookMiddlewares } from "./hooks/payment/middlewares"
import { rateLimitMiddlewares } from "./rate-limit/middlewares"
import { securityHeadersMiddlewares } from "./security-headers"
import { impersonationGuardMiddlewares } from "./store/impersonation-guard"
import { storeCustomerConsentsMiddlewares } from "./store/customers/me/consents/middlewares"
import { storeCustomerGdprMiddlewares } from "./store/customers/me/gdpr-middlewares"
import { storeUnsubscribeMiddlewares } from "./store/notifications/unsubscribe/middlewares"
import { storeOrderTrackingMiddlewares } from "./store/orders/[id]/tracking/middlewares"
import { adminAnalyticsMiddlewares } from "./admin/analytics/middlewares"
import { storefrontAnalyticsMiddlewares } from "./store/analytics-events"

export default defineMiddlewares({
  errorHandler,
  routes: [
    // First: the request id is in context for every log line after it.
    ...requestIdMiddlewares,
    ...docsMiddlewares,
    ...securityHeadersMiddlewares,
    ...rateLimitMiddlewares,
    // Before the response cache, so cached product pages are tracked too.
    ...storefrontAnalyticsMiddlewares,
    // After the limits, before Medusa's route middlewares: a hit skips them.
    ...storeResponseCacheMiddlewares,
    ...storeCacheInvalidationMiddlewares,
    // Before the staff guard, so refused attempts are recorded too.
    ...activityRecorderMiddlewares,
    ...loginActivityMiddlewares,
    ...staffGuardMiddlewares,
    ...impersonationGuardMiddlewares,
    ...adminCustomerImpersonateMiddlewares,
    ...adminStaffMiddlewares,
    ...userOtpMiddlewares,
    ...adminFxRatesMiddlewares,
    ...paymentWebhookMiddlewares,
    ...adminCustomerGdprMiddlewares,
    ...storeCustomerGdprMiddlewares,
    ...adminBroadcastsMiddlewares,
    ...storeCustomerConsentsMiddlewares,
    ...storeUnsubscribeMiddlewares,
    ...storeOrderTrackingMiddlewares,
    ...adminInventoryAdjustmentsMiddlewares,
    ...adminLowStockMiddlewares,
    ...adminActivityMiddlewares,
    ...whatsAppWebhookMiddlewares,
    ...storeConciergeEscalationsMiddlewares,
    ...adminConciergeMiddlewares,
    ...adminAnalyticsMiddlewares,
  ],
})
