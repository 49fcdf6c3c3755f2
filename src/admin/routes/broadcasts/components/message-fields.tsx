import { Badge, Input, Text, Textarea } from "@medusajs/ui"
import { useRef } from "react"
import { FormField } from "../../../components/form-field"
import { OptionSelect } from "../../../components/option-select"
import type { BroadcastChannel } from "../../../hooks/broadcasts"
import { CHANNEL_LABELS } from "./format"
import type { BroadcastFormState } from "./form-state"

const VARIABLES = ["first_name", "last_name", "email"]
const CHANNELS = Object.entries(CHANNEL_LABELS).map(([value, label]) => ({
  value: value as BroadcastChannel,
  label,
}))

type Props = {
  form: BroadcastFormState
  onChange: (patch: Partial<BroadcastFormState>) => void
}

/** Name, channel, subject (email) and the body template. */
export const MessageFields = ({ form, onChange }: Props) => {
  const bodyRef = useRef<HTMLTextAreaElement>(null)

  // Puts `{{variable}}` where the cursor is (or at the end) and keeps the focus.
  const insertVariable = (variable: string) => {
    const token = `{{${variable}}}`
    const textarea = bodyRef.current
    const start = textarea?.selectionStart ?? form.body.length
    const end = textarea?.selectionEnd ?? form.body.length
    onChange({ body: form.body.slice(0, start) + token + form.body.slice(end) })
    requestAnimationFrame(() => {
      textarea?.focus()
      textarea?.setSelectionRange(start + token.length, start + token.length)
    })
  }

  return (
    <div className="flex flex-col gap-y-4">
      <FormField id="broadcast-name" label="Name" hint="For you and your team; customers do not see it.">
        <Input
          id="broadcast-name"
          placeholder="Black Friday early access"
          maxLength={200}
          value={form.name}
          onChange={(event) => onChange({ name: event.target.value })}
        />
      </FormField>

      <FormField id="broadcast-channel" label="Channel">
        <OptionSelect
          id="broadcast-channel"
          value={form.channel}
          options={CHANNELS}
          onChange={(channel) => onChange({ channel })}
        />
      </FormField>

      {form.channel === "email" && (
        <FormField id="broadcast-subject" label="Subject">
          <Input
            id="broadcast-subject"
            maxLength={200}
            value={form.subject}
            onChange={(event) => onChange({ subject: event.target.value })}
          />
        </FormField>
      )}

      <FormField
        id="broadcast-body"
        label="Message"
        hint={
          <div className="flex flex-wrap items-center gap-2">
            <Text size="small" className="text-ui-fg-subtle">
              Insert:
            </Text>
            {VARIABLES.map((variable) => (
              <button
                key={variable}
                type="button"
                onClick={() => insertVariable(variable)}
                className="focus-visible:shadow-borders-focus rounded-md outline-none"
              >
                <Badge size="2xsmall" className="cursor-pointer font-mono">
                  {`{{${variable}}}`}
                </Badge>
              </button>
            ))}
            <Text size="small" className="text-ui-fg-muted ml-auto">
              {form.body.length}/4000 characters
            </Text>
          </div>
        }
      >
        <Textarea
          id="broadcast-body"
          ref={bodyRef}
          rows={8}
          maxLength={4000}
          placeholder="Hi {{first_name}}, …"
          value={form.body}
          onChange={(event) => onChange({ body: event.target.value })}
        />
      </FormField>
    </div>
  )
}
