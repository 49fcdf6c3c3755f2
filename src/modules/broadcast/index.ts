import { Module } from "@medusajs/framework/utils"
import logChannels from "./loaders/log-channels"
import BroadcastModuleService from "./service"

export const BROADCAST_MODULE = "broadcast"

export default Module(BROADCAST_MODULE, {
  service: BroadcastModuleService,
  loaders: [logChannels],
})
