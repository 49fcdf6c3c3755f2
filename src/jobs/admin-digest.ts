import { MedusaContainer } from "@medusajs/framework/types"
import { env } from "../config"
import { sendAdminDigestWorkflow } from "../workflows/admin-alerts/send-admin-digest"
import { localHour } from "../lib/store-day"

/** Store-local hour at which admins get yesterday's digest. */
export const ADMIN_DIGEST_HOUR = 7

/**
 * Runs every hour and sends the digest in the store's 07:00 hour, so it
 * follows STORE_TIMEZONE without a cron time zone. Each admin's email is
 * keyed by date, so a second run that day sends nothing.
 */
export default async function adminDigestJob(container: MedusaContainer) {
  if (localHour(new Date(), env.STORE_TIMEZONE) !== ADMIN_DIGEST_HOUR) {
    return
  }
  await sendAdminDigestWorkflow(container).run({ input: {} })
}

export const config = {
  name: "admin-digest",
  schedule: "0 * * * *",
}
