import { ShieldCheck } from "@medusajs/icons"
import { Alert, Button, Text } from "@medusajs/ui"
import type { UseMutationResult } from "@tanstack/react-query"
import type { ActivityChainReport } from "../../../hooks/activity"
import { describeChainReport } from "../../../lib/activity-format"

type Verify = UseMutationResult<ActivityChainReport, Error, void>

/** Runs GET /admin/activity/verify on demand. */
export const VerifyChainButton = ({ verify }: { verify: Verify }) => (
  <Button size="small" variant="secondary" onClick={() => verify.mutate()} isLoading={verify.isPending}>
    <ShieldCheck />
    Verify chain
  </Button>
)

/**
 * The outcome of the last check: intact, the first broken link, or why it could not run.
 * Rendered bare (no wrapper) so a dismissed alert leaves no gap; keyed by run so each run shows again.
 */
export const VerifyChainResult = ({ verify }: { verify: Verify }) => {
  if (verify.isError) {
    return (
      <Alert key={verify.submittedAt} variant="error" dismissible className="mx-6 my-4">
        The chain could not be checked: {verify.error.message}
      </Alert>
    )
  }
  const report = verify.data
  if (!report || verify.isPending) {
    return null
  }
  const { title, detail } = describeChainReport(report)
  return (
    <Alert
      key={verify.submittedAt}
      variant={report.valid ? "success" : "error"}
      dismissible
      className="mx-6 my-4"
    >
      <Text size="small" weight="plus">
        {title}
      </Text>
      <Text size="small" className={report.valid ? "text-ui-fg-subtle" : undefined}>
        {detail}
      </Text>
    </Alert>
  )
}
