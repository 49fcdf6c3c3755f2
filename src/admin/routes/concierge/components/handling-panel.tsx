import { Button, Container, Heading, Text, toast } from "@medusajs/ui"
import { OptionSelect } from "../../../components/option-select"
import type { ConversationContext, ConversationDetail, StaffUser } from "../../../hooks/concierge"
import { useAssignConversation, useResolveConversation } from "../../../hooks/concierge"
import { formatDateTime } from "../../../lib/format"
import { ConversationStatusBadge } from "./conversation-badges"
import { staffName } from "./format"

type Props = {
  conversation: ConversationDetail
  assignee: ConversationContext["assignee"]
  me?: StaffUser
  /** Undefined when the user may not list staff: then only "Assign to me" and "Unassign". */
  staff?: StaffUser[]
}

const UNASSIGNED = "__unassigned__"

/** Who handles the conversation (me / anyone on the staff list / nobody) and resolving it. */
export const HandlingPanel = ({ conversation, assignee, me, staff }: Props) => {
  const assign = useAssignConversation(conversation.id)
  const resolve = useResolveConversation(conversation.id)
  const assignedToMe = !!me && conversation.assignee_id === me.id
  const resolved = conversation.status === "resolved"

  const assignTo = (userId: string | null) =>
    assign.mutate(
      { user_id: userId },
      {
        onSuccess: ({ context }) =>
          toast.success(context.assignee ? `Assigned to ${staffName(context.assignee)}` : "Unassigned"),
        onError: (error) => toast.error(error.message),
      }
    )

  const markResolved = () =>
    resolve.mutate(undefined, {
      onSuccess: () => toast.success("Resolved. The customer's next message reopens it."),
      onError: (error) => toast.error(error.message),
    })

  return (
    <Container className="flex flex-col gap-y-4 px-6 py-4">
      <div className="flex items-center justify-between">
        <Heading level="h2">Handling</Heading>
        <ConversationStatusBadge status={conversation.status} />
      </div>
      <div className="flex flex-col gap-y-1">
        <Text size="small" className="text-ui-fg-subtle">
          Assigned to
        </Text>
        <Text size="small" weight="plus">
          {assignee
            ? `${staffName(assignee)}${assignedToMe ? " (you)" : ""}`
            : conversation.assignee_id
              ? "Someone else"
              : "Nobody yet"}
        </Text>
      </div>
      {staff && staff.length > 0 && (
        <OptionSelect
          size="small"
          aria-label="Assign to"
          placeholder="Assign to…"
          value={conversation.assignee_id ?? UNASSIGNED}
          options={[
            { value: UNASSIGNED, label: "Unassigned" },
            ...staff.map((user) => ({
              value: user.id,
              label: `${staffName(user)}${user.id === me?.id ? " (you)" : ""}`,
            })),
          ]}
          onChange={(value) => assignTo(value === UNASSIGNED ? null : value)}
          disabled={assign.isPending}
        />
      )}
      <div className="flex flex-wrap gap-2">
        {me && !assignedToMe && (
          <Button size="small" variant="secondary" onClick={() => assignTo(me.id)} isLoading={assign.isPending}>
            Assign to me
          </Button>
        )}
        {conversation.assignee_id && (
          <Button size="small" variant="secondary" onClick={() => assignTo(null)} isLoading={assign.isPending}>
            Unassign
          </Button>
        )}
        {!resolved && (
          <Button size="small" variant="primary" onClick={markResolved} isLoading={resolve.isPending}>
            Resolve
          </Button>
        )}
      </div>
      {resolved && (
        <Text size="small" className="text-ui-fg-subtle">
          Resolved {formatDateTime(conversation.resolved_at)}. The customer's next WhatsApp message reopens it.
        </Text>
      )}
    </Container>
  )
}
