import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import LocalNotificationProviderService from "./service"

export default ModuleProvider(Modules.NOTIFICATION, {
  services: [LocalNotificationProviderService],
})
