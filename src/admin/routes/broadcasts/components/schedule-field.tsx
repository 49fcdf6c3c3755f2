import { Input, Label, Text } from "@medusajs/ui"

/** Optional start time; empty means "when someone presses Send". */
export const ScheduleField = ({
  value,
  onChange,
}: {
  value: string
  onChange: (value: string) => void
}) => (
  <div className="flex flex-col gap-y-2">
    <Label htmlFor="broadcast-schedule" size="small" weight="plus">
      Schedule (optional)
    </Label>
    <Input
      id="broadcast-schedule"
      type="datetime-local"
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
    <Text size="small" className="text-ui-fg-subtle">
      In your time zone ({Intl.DateTimeFormat().resolvedOptions().timeZone}). Leave it empty to send
      as soon as you press Send; with a time, press Schedule on its page to queue it.
    </Text>
  </div>
)
