import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { STAFF_ACCESS_MODULE } from "../modules/staff-access"
import StaffAccessModuleService from "../modules/staff-access/service"
import { recordActivitySafely } from "../workflows/activity/record-activity-safely"
import { idsOf } from "../workflows/activity/utils/domain-action"

/** A staff member's role was set (by staff, or from the invite they accepted): `user.role_changed` with the role. */
export default async function activityStaffRoleChangedHandler({
  event,
  container,
}: SubscriberArgs<{ id: string | string[] }>) {
  const ids = idsOf(event.data.id)
  if (!ids.length) {
    return
  }
  const roles = await container.resolve<StaffAccessModuleService>(STAFF_ACCESS_MODULE).listStaffRoles({ id: ids })
  if (!roles.length) {
    return
  }
  await recordActivitySafely(
    container,
    roles.map((role) => ({
      actor_type: "system",
      action: "user.role_changed",
      resource_type: "user",
      resource_id: role.user_id,
      payload: { role: role.role },
    }))
  )
}

export const config: SubscriberConfig = {
  event: ["staff_access.staff-role.created", "staff_access.staff-role.updated"],
}
