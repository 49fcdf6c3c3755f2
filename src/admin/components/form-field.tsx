import { Label, Text } from "@medusajs/ui"
import { ReactNode } from "react"

type Props = {
  /** The control's id, for the label; leave it out for a group of controls. */
  id?: string
  label: string
  /** Under the control: a string is shown as a subtle note, anything else as it is. */
  hint?: ReactNode
  children: ReactNode
}

/** A form control with its label above it and an optional hint below, as in the dashboard's own forms. */
export const FormField = ({ id, label, hint, children }: Props) => (
  <div className="flex flex-col gap-y-2">
    <Label htmlFor={id} size="small" weight="plus">
      {label}
    </Label>
    {children}
    {typeof hint === "string" ? (
      <Text size="small" className="text-ui-fg-subtle">
        {hint}
      </Text>
    ) : (
      hint
    )}
  </div>
)
