import { MedusaContainer } from "@medusajs/framework/types"
import { env } from "../config"
import { ANALYTICS_SNAPSHOT_MODULE } from "../modules/analytics-snapshot"
import AnalyticsSnapshotModuleService from "../modules/analytics-snapshot/service"
import { computeAnalyticsSnapshotsWorkflow } from "../workflows/analytics/compute-analytics-snapshots"
import { addDays, localDate, localHour } from "../lib/store-day"

/** Store-local hour in which yesterday's snapshots are computed. */
export const ANALYTICS_SNAPSHOT_HOUR = 0

/**
 * Runs ten minutes past every hour and computes yesterday's snapshots in the
 * store's first hour (00:10 STORE_TIMEZONE), so it follows the store's zone
 * without a cron time zone. A later run that finds yesterday still missing
 * (the server was down at midnight) computes it then. Recomputing is an
 * upsert, so an extra run changes nothing.
 */
export default async function analyticsSnapshotsJob(container: MedusaContainer, now = new Date()) {
  const yesterday = addDays(localDate(now, env.STORE_TIMEZONE), -1)
  if (localHour(now, env.STORE_TIMEZONE) !== ANALYTICS_SNAPSHOT_HOUR) {
    const snapshots = container.resolve<AnalyticsSnapshotModuleService>(ANALYTICS_SNAPSHOT_MODULE)
    const [existing] = await snapshots.listAnalyticsSnapshots({ date: yesterday }, { take: 1, select: ["id"] })
    if (existing) {
      return
    }
  }
  await computeAnalyticsSnapshotsWorkflow(container).run({ input: { from: yesterday, to: yesterday } })
}

export const config = {
  name: "analytics-snapshots",
  schedule: "10 * * * *",
}
