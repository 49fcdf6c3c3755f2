import { Text, clx } from "@medusajs/ui"
import type { BroadcastCounts } from "../../../hooks/broadcasts"
import { progressPercent } from "./format"

const share = (part: number, total: number) => (total ? `${(part * 100) / total}%` : "0%")

/** A bar split into sent / failed / skipped, the rest is still queued. */
export const BroadcastProgressBar = ({
  counts,
  className,
}: {
  counts: BroadcastCounts
  className?: string
}) => (
  <div
    role="progressbar"
    aria-valuemin={0}
    aria-valuemax={100}
    aria-valuenow={progressPercent(counts)}
    className={clx("bg-ui-bg-subtle-pressed flex h-2 w-full overflow-hidden rounded-full", className)}
  >
    <div className="bg-ui-tag-green-icon h-full" style={{ width: share(counts.sent, counts.total) }} />
    <div className="bg-ui-tag-red-icon h-full" style={{ width: share(counts.failed, counts.total) }} />
    <div className="bg-ui-tag-neutral-icon h-full" style={{ width: share(counts.skipped, counts.total) }} />
  </div>
)

const LEGEND: { key: keyof BroadcastCounts; label: string; dot: string }[] = [
  { key: "sent", label: "Sent", dot: "bg-ui-tag-green-icon" },
  { key: "failed", label: "Failed", dot: "bg-ui-tag-red-icon" },
  { key: "skipped", label: "Skipped", dot: "bg-ui-tag-neutral-icon" },
  { key: "queued", label: "Queued", dot: "bg-ui-bg-subtle-pressed" },
]

export const BroadcastCountsSummary = ({ counts }: { counts: BroadcastCounts }) => (
  <div className="flex flex-col gap-y-3">
    <div className="flex items-baseline justify-between">
      <Text size="small" weight="plus">
        {counts.sent + counts.failed + counts.skipped} of {counts.total} processed
      </Text>
      <Text size="small" className="text-ui-fg-subtle">
        {progressPercent(counts)}%
      </Text>
    </div>
    <BroadcastProgressBar counts={counts} />
    <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
      {LEGEND.map(({ key, label, dot }) => (
        <div key={key} className="flex items-center gap-x-2">
          <span className={clx("size-2 rounded-full", dot)} />
          <Text size="small" className="text-ui-fg-subtle">
            {label}
          </Text>
          <Text size="small" weight="plus">
            {counts[key]}
          </Text>
        </div>
      ))}
    </div>
  </div>
)
