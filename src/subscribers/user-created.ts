import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { assignInvitedRoleWorkflow } from "../workflows/staff-access/assign-invited-role"

/** A user who accepted an invite gets the role chosen on the invite. */
export default async function userCreatedHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  await assignInvitedRoleWorkflow(container).run({ input: { user_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: "user.created",
}
