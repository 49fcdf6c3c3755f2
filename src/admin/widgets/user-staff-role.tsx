import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { DetailWidgetProps, AdminUser } from "@medusajs/framework/types"
import { Container, Heading, Text, toast } from "@medusajs/ui"
import { OptionSelect } from "../components/option-select"
import { StaffRole, useSetStaffRole, useStaffMember } from "../hooks/staff"

const ROLES: { value: StaffRole; label: string; hint: string }[] = [
  { value: "admin", label: "Admin", hint: "Everything, including staff and prices" },
  { value: "support", label: "Support", hint: "Reads the catalog, customers and orders; notes and fulfilment" },
  { value: "concierge", label: "Concierge", hint: "The WhatsApp concierge; reads customers and orders" },
]

/** The user's staff role, editable by admins (others get the API's 403 as a message). */
const UserStaffRoleWidget = ({ data: user }: DetailWidgetProps<AdminUser>) => {
  const { data: member, isLoading } = useStaffMember(user.id)
  const setRole = useSetStaffRole(user.id)

  const change = (role: StaffRole) =>
    setRole.mutate(role, {
      onSuccess: () => toast.success(`${user.email} is now ${role}`),
      onError: (error) => toast.error(error.message),
    })

  return (
    <Container className="flex flex-col gap-y-3 px-6 py-4">
      <Heading level="h2">Staff role</Heading>
      {isLoading || !member ? (
        <Text size="small" className="text-ui-fg-subtle">
          Loading…
        </Text>
      ) : (
        <>
          <OptionSelect value={member.role} options={ROLES} onChange={change} disabled={setRole.isPending} />
          <Text size="small" className="text-ui-fg-subtle">
            {ROLES.find((r) => r.value === member.role)?.hint}
          </Text>
        </>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "user.details.after",
})

export default UserStaffRoleWidget
