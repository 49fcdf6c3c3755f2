import { Select } from "@medusajs/ui"
import { ReactNode } from "react"

export type SelectOption<T extends string> = { value: T; label: ReactNode }

type Props<T extends string> = {
  options: readonly SelectOption<T>[]
  value: T
  onChange: (value: T) => void
  /** The trigger's id, for a `<Label htmlFor>`. */
  id?: string
  /** The trigger's name when no label names it. */
  "aria-label"?: string
  size?: "base" | "small"
  placeholder?: string
  disabled?: boolean
}

/** One value out of a fixed list of options. */
export const OptionSelect = <T extends string>({
  options,
  value,
  onChange,
  id,
  "aria-label": ariaLabel,
  size,
  placeholder,
  disabled,
}: Props<T>) => (
  <Select size={size} value={value} onValueChange={(next) => onChange(next as T)} disabled={disabled}>
    <Select.Trigger id={id} aria-label={ariaLabel}>
      <Select.Value placeholder={placeholder} />
    </Select.Trigger>
    <Select.Content>
      {options.map((option) => (
        <Select.Item key={option.value} value={option.value}>
          {option.label}
        </Select.Item>
      ))}
    </Select.Content>
  </Select>
)
