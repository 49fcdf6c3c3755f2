import { Input } from "@medusajs/ui"
import { FormField } from "../../../components/form-field"
import { OptionSelect, SelectOption } from "../../../components/option-select"
import { CustomerGroupPicker } from "./customer-group-picker"
import type { AudienceType, BroadcastFormState } from "./form-state"

const AUDIENCES: SelectOption<AudienceType>[] = [
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
    <FormField
      id="broadcast-audience"
      label="Audience"
      hint="Only customers who opted in to this channel receive it."
    >
      <OptionSelect
        id="broadcast-audience"
        value={form.audienceType}
        options={AUDIENCES}
        onChange={(audienceType) => onChange({ audienceType })}
      />
    </FormField>

    {form.audienceType === "customer_groups" && (
      <FormField label="Customer groups">
        <CustomerGroupPicker
          value={form.customerGroupIds}
          onChange={(customerGroupIds) => onChange({ customerGroupIds })}
        />
      </FormField>
    )}

    {form.audienceType === "countries" && (
      <FormField
        id="broadcast-countries"
        label="Country codes"
        hint="Two-letter codes of the customers' addresses, separated by commas."
      >
        <Input
          id="broadcast-countries"
          placeholder="ng, gh, us"
          value={form.countryCodes}
          onChange={(event) => onChange({ countryCodes: event.target.value })}
        />
      </FormField>
    )}

    {form.audienceType === "ordered_since" && (
      <FormField id="broadcast-ordered-since" label="Ordered on or after">
        <Input
          id="broadcast-ordered-since"
          type="date"
          value={form.orderedSince}
          onChange={(event) => onChange({ orderedSince: event.target.value })}
        />
      </FormField>
    )}
  </div>
)
