import { defineMiddlewares } from "@medusajs/framework/http"
import { adminFxRatesMiddlewares } from "./admin/fx-rates/middlewares"
import { paymentWebhookMiddlewares } from "./hooks/payment/middlewares"

export default defineMiddlewares({
  routes: [...adminFxRatesMiddlewares, ...paymentWebhookMiddlewares],
})
