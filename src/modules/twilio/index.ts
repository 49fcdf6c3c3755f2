import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import TwilioNotificationProviderService from "./service"

export default ModuleProvider(Modules.NOTIFICATION, {
  services: [TwilioNotificationProviderService],
})
