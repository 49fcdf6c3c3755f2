import { Checkbox, Label, Text } from "@medusajs/ui"
import { useCustomerGroupOptions } from "../../../hooks/broadcasts"

/** Checkbox list of the store's customer groups (first 100). */
export const CustomerGroupPicker = ({
  value,
  onChange,
}: {
  value: string[]
  onChange: (ids: string[]) => void
}) => {
  const { data: groups, isLoading, isError, error } = useCustomerGroupOptions()

  if (isLoading) {
    return (
      <Text size="small" className="text-ui-fg-subtle">
        Loading customer groups…
      </Text>
    )
  }
  if (isError) {
    return (
      <Text size="small" className="text-ui-fg-error">
        {error.message}
      </Text>
    )
  }
  if (!groups?.length) {
    return (
      <Text size="small" className="text-ui-fg-subtle">
        The store has no customer groups yet.
      </Text>
    )
  }

  const toggle = (id: string, checked: boolean) =>
    onChange(checked ? [...value, id] : value.filter((selected) => selected !== id))

  return (
    <div className="border-ui-border-base bg-ui-bg-field flex max-h-48 flex-col gap-y-2 overflow-y-auto rounded-md border px-3 py-2">
      {groups.map((group) => (
        <div key={group.id} className="flex items-center gap-x-2">
          <Checkbox
            id={`group-${group.id}`}
            checked={value.includes(group.id)}
            onCheckedChange={(checked) => toggle(group.id, checked === true)}
          />
          <Label htmlFor={`group-${group.id}`} size="small" weight="regular">
            {group.name ?? group.id}
          </Label>
        </div>
      ))}
    </div>
  )
}
