import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import StripeApiBaseProviderService from "./service"

export default ModuleProvider(Modules.PAYMENT, {
  services: [StripeApiBaseProviderService],
})
