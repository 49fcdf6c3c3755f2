import { Input, Label, Select, Text } from "@medusajs/ui"
import { CustomerGroupPicker } from "./customer-group-picker"
import type { AudienceType, BroadcastFormState } from "./form-state"

const AUDIENCES: { value: AudienceType; label: string }[] = [
  { value: "all", label: "All customers" },
  { value: "customer_groups", label: "Customer groups" },
  { value: "countries", label: "Countries" },
  { value: "ordered_since", label: "Ordered since a date" },
]

type Props = {
  form: BroadcastFormState
  onChange: (patch: Partial<BroadcastFormState>) => void
}

/** Audience type and the one input that type needs. */
export const AudienceFields = ({ form, onChange }: Props) => (
  <div className="flex flex-col gap-y-4">
    <div className="flex flex-col gap-y-2">
      <Label htmlFor="broadcast-audience" size="small" weight="plus">
        Audience
      </Label>
      <Select
        value={form.audienceType}
        onValueChange={(value) => onChange({ audienceType: value as AudienceType })}
      >
        <Select.Trigger id="broadcast-audience">
          <Select.Value />
        </Select.Trigger>
        <Select.Content>
          {AUDIENCES.map((audience) => (
            <Select.Item key={audience.value} value={audience.value}>
              {audience.label}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
      <Text size="small" className="text-ui-fg-subtle">
        Only customers who opted in to this channel receive it.
      </Text>
    </div>

    {form.audienceType === "customer_groups" && (
      <div className="flex flex-col gap-y-2">
        <Label size="small" weight="plus">
          Customer groups
        </Label>
        <CustomerGroupPicker
          value={form.customerGroupIds}
          onChange={(customerGroupIds) => onChange({ customerGroupIds })}
        />
      </div>
    )}

    {form.audienceType === "countries" && (
      <div className="flex flex-col gap-y-2">
        <Label htmlFor="broadcast-countries" size="small" weight="plus">
          Country codes
        </Label>
        <Input
          id="broadcast-countries"
          placeholder="ng, gh, us"
          value={form.countryCodes}
          onChange={(event) => onChange({ countryCodes: event.target.value })}
        />
        <Text size="small" className="text-ui-fg-subtle">
          Two-letter codes of the customers&apos; addresses, separated by commas.
        </Text>
      </div>
    )}

    {form.audienceType === "ordered_since" && (
      <div className="flex flex-col gap-y-2">
        <Label htmlFor="broadcast-ordered-since" size="small" weight="plus">
          Ordered on or after
        </Label>
        <Input
          id="broadcast-ordered-since"
          type="date"
          value={form.orderedSince}
          onChange={(event) => onChange({ orderedSince: event.target.value })}
        />
      </div>
    )}
  </div>
)
