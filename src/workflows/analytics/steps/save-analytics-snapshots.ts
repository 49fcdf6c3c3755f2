import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ANALYTICS_SNAPSHOT_MODULE } from "../../../modules/analytics-snapshot"
import AnalyticsSnapshotModuleService, {
  AnalyticsSnapshotView,
  SnapshotFigures,
} from "../../../modules/analytics-snapshot/service"

export type SaveAnalyticsSnapshotsInput = { dates: string[]; figures: SnapshotFigures[] }

type Previous = { dates: string[]; snapshots: AnalyticsSnapshotView[] }

export const saveAnalyticsSnapshotsStepId = "save-analytics-snapshots"

/**
 * Replaces the days' snapshots (an upsert per day and currency). A low-stock
 * count already captured is kept when this computation has none. On
 * compensation the days' previous snapshots are put back.
 */
export const saveAnalyticsSnapshotsStep = createStep(
  saveAnalyticsSnapshotsStepId,
  async ({ dates, figures }: SaveAnalyticsSnapshotsInput, { container }) => {
    const snapshots = container.resolve<AnalyticsSnapshotModuleService>(ANALYTICS_SNAPSHOT_MODULE)
    const previous = await snapshots.snapshotsOfDates(dates)
    const saved = await snapshots.replaceSnapshots(figures, { dates, keepCapturedLowStock: true })
    return new StepResponse(saved, { dates, snapshots: previous } as Previous)
  },
  async (previous, { container }) => {
    if (!previous?.dates.length) {
      return
    }
    await container
      .resolve<AnalyticsSnapshotModuleService>(ANALYTICS_SNAPSHOT_MODULE)
      .replaceSnapshots(previous.snapshots, { dates: previous.dates })
  }
)
