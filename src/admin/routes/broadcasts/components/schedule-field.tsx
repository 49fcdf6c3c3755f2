import { Input } from "@medusajs/ui"
import { FormField } from "../../../components/form-field"

/** Optional start time; empty means "when someone presses Send". */
export const ScheduleField = ({
  value,
  onChange,
}: {
  value: string
  onChange: (value: string) => void
}) => (
  <FormField
    id="broadcast-schedule"
    label="Schedule (optional)"
    hint={`In your time zone (${Intl.DateTimeFormat().resolvedOptions().timeZone}). Leave it empty to send as soon as you press Send; with a time, press Schedule on its page to queue it.`}
  >
    <Input
      id="broadcast-schedule"
      type="datetime-local"
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  </FormField>
)
