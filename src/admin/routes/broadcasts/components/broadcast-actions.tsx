import { Button, toast, usePrompt } from "@medusajs/ui"
import { Broadcast, useCancelBroadcast, useSendBroadcast, useSendTestBroadcast } from "../../../hooks/broadcasts"
import { formatDateTime } from "../../../lib/format"
import { CHANNEL_NAMES } from "./format"

const CANCELLABLE: Broadcast["status"][] = ["draft", "scheduled", "sending"]

/** Send test to me / Send / Cancel, each behind a confirmation. */
export const BroadcastActions = ({ broadcast }: { broadcast: Broadcast }) => {
  const prompt = usePrompt()
  const send = useSendBroadcast(broadcast.id)
  const cancel = useCancelBroadcast(broadcast.id)
  const sendTest = useSendTestBroadcast(broadcast.id)
  const channel = CHANNEL_NAMES[broadcast.channel]
  // A draft with a future start time is queued for then, not sent now: say so on the button.
  const later = !!broadcast.scheduled_at && new Date(broadcast.scheduled_at) > new Date()

  const confirmSend = async () => {
    const confirmed = await prompt({
      title: later ? "Schedule this broadcast?" : "Send this broadcast now?",
      description: later
        ? `"${broadcast.name}" goes out by ${channel} at ${formatDateTime(broadcast.scheduled_at)} to every opted-in customer in its audience. You can cancel it until then.`
        : `"${broadcast.name}" goes out by ${channel} to every opted-in customer in its audience, starting now. Messages already sent cannot be recalled.`,
      confirmText: later ? "Schedule" : "Send",
      cancelText: "Not yet",
      variant: "confirmation",
    })
    if (!confirmed) {
      return
    }
    send.mutate(undefined, {
      onSuccess: ({ broadcast: updated }) =>
        toast.success(updated.status === "scheduled" ? "Broadcast scheduled" : "Broadcast is sending"),
      onError: (error) => toast.error(error.message),
    })
  }

  const confirmCancel = async () => {
    const confirmed = await prompt({
      title: "Cancel this broadcast?",
      description:
        broadcast.status === "sending"
          ? "Messages not yet sent are dropped; those already sent stay sent. This cannot be undone."
          : "It will not be sent. This cannot be undone.",
      confirmText: "Cancel broadcast",
      cancelText: "Keep it",
      variant: "danger",
    })
    if (!confirmed) {
      return
    }
    cancel.mutate(undefined, {
      onSuccess: () => toast.success("Broadcast cancelled"),
      onError: (error) => toast.error(error.message),
    })
  }

  const confirmTest = async () => {
    const confirmed = await prompt({
      title: "Send a test to yourself?",
      description:
        broadcast.channel === "email"
          ? "The message, filled in with sample details, goes to your own email address."
          : `The message, filled in with sample details, goes by ${channel} to the phone number on your account.`,
      confirmText: "Send test",
      cancelText: "Cancel",
      variant: "confirmation",
    })
    if (!confirmed) {
      return
    }
    sendTest.mutate(undefined, {
      onSuccess: ({ to }) => toast.success(`Test sent to ${to}`),
      onError: (error) => toast.error(`Test not sent: ${error.message}`),
    })
  }

  return (
    <div className="flex flex-wrap gap-2">
      <Button size="small" variant="secondary" onClick={confirmTest} isLoading={sendTest.isPending}>
        Send test to me
      </Button>
      {CANCELLABLE.includes(broadcast.status) && (
        <Button size="small" variant="secondary" onClick={confirmCancel} isLoading={cancel.isPending}>
          Cancel
        </Button>
      )}
      {broadcast.status === "draft" && (
        <Button size="small" onClick={confirmSend} isLoading={send.isPending}>
          {later ? "Schedule" : "Send"}
        </Button>
      )}
    </div>
  )
}
