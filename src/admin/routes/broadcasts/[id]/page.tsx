import { useQueryClient } from "@tanstack/react-query"
import { useEffect, useRef } from "react"
import { LoaderFunctionArgs, UIMatch, useParams } from "react-router-dom"
import { PageError, PageLoading } from "../../../components/query-state"
import { ACTIVE_BROADCAST_STATUSES, Broadcast, broadcastQueryKeys, useBroadcast } from "../../../hooks/broadcasts"
import { sdk } from "../../../lib/sdk"
import { BroadcastMessage } from "../components/broadcast-message"
import { BroadcastSummary } from "../components/broadcast-summary"
import { PreviewPanel } from "../components/preview-panel"
import { RecipientsTable } from "../components/recipients-table"

/** One broadcast: facts, live progress (polled while it runs), message and recipients. */
const BroadcastDetailPage = () => {
  const { id = "" } = useParams()
  const queryClient = useQueryClient()
  const { data: broadcast, isLoading, isError, error } = useBroadcast(id)
  const status = broadcast?.status
  const active = !!status && ACTIVE_BROADCAST_STATUSES.includes(status)

  // When the status moves on (e.g. sending -> sent), the recipient page may be a poll
  // behind: fetch it again.
  const lastStatus = useRef(status)
  useEffect(() => {
    if (lastStatus.current && status !== lastStatus.current) {
      queryClient.invalidateQueries({ queryKey: broadcastQueryKeys.recipients(id) })
    }
    lastStatus.current = status
  }, [status, id, queryClient])

  if (isLoading) {
    return <PageLoading />
  }
  if (isError || !broadcast) {
    return (
      <PageError
        message={error?.message ?? "Broadcast not found"}
        backTo="/broadcasts"
        backLabel="Back to broadcasts"
      />
    )
  }

  return (
    <div className="grid grid-cols-1 gap-3 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <div className="flex flex-col gap-y-3">
        <BroadcastSummary broadcast={broadcast} />
        {/* Recipients exist once a run starts; a scheduled or cancelled-before-start one has none. */}
        {(broadcast.status === "sending" || broadcast.counts.total > 0) && (
          <RecipientsTable
            key={broadcast.id}
            broadcastId={broadcast.id}
            poll={active}
            hasFailures={broadcast.counts.failed > 0}
          />
        )}
      </div>
      <div className="flex flex-col gap-y-3">
        <BroadcastMessage broadcast={broadcast} />
        {broadcast.status === "draft" && (
          <PreviewPanel
            input={{
              channel: broadcast.channel,
              ...(broadcast.subject !== null ? { subject: broadcast.subject } : {}),
              body: broadcast.body,
              audience: broadcast.audience,
            }}
            problems={[]}
          />
        )}
      </div>
    </div>
  )
}

type LoaderData = { broadcast: Pick<Broadcast, "name"> } | null

/** Only for the breadcrumb: the page itself reads the broadcast through its query. */
export const loader = async ({ params }: LoaderFunctionArgs): Promise<LoaderData> => {
  try {
    return await sdk.client.fetch<{ broadcast: Broadcast }>(`/admin/broadcasts/${params.id}`)
  } catch {
    // The page shows the error; the breadcrumb falls back to a generic label.
    return null
  }
}

export const handle = {
  breadcrumb: (match: UIMatch<LoaderData>) => match.data?.broadcast.name ?? "Broadcast",
}

export default BroadcastDetailPage
