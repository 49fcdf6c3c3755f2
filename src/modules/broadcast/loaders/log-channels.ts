import { LoaderOptions } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

export type BroadcastModuleOptions = {
  /** Which provider serves each notification channel, e.g. `{ email: "resend", sms: "local" }`. */
  channels?: Record<string, string>
}

/** Says at boot which channels reach customers and which are only logged locally. */
export default async function logChannels({ container, options }: LoaderOptions<BroadcastModuleOptions>) {
  if (!options?.channels) {
    return
  }
  const summary = Object.entries(options.channels)
    .map(([channel, provider]) => `${channel}=${provider === "local" ? "local (logged only)" : `${provider} (live)`}`)
    .join(", ")
  container.resolve(ContainerRegistrationKeys.LOGGER).info(`Notification channels: ${summary}`)
}
