import { Button, DatePicker, Input, Label, Text } from "@medusajs/ui"
import { FormEvent, ReactNode, useState } from "react"
import { OptionSelect, SelectOption } from "../../../components/option-select"
import {
  ACTIVITY_ACTOR_TYPES,
  ActivityActorType,
  ActivityFilterValues,
  activityFilterProblems,
  countActivityFilters,
  EMPTY_ACTIVITY_FILTERS,
} from "../../../lib/activity-filters"
import { ACTOR_TYPE_LABELS } from "../../../lib/activity-format"
import { startOfLocalDay, toLocalDay } from "../../../lib/format"

// Resource types the log records most, offered as suggestions; any other can be typed.
const RESOURCE_TYPE_SUGGESTIONS = [
  "product",
  "variant",
  "order",
  "customer",
  "inventory_item",
  "inventory_adjustment",
  "user",
  "invite",
  "staff",
  "broadcast",
  "fx_rate",
  "conversation",
]
const ANY_ACTOR_TYPE = "any"
const ACTOR_TYPE_OPTIONS: SelectOption<ActivityActorType | typeof ANY_ACTOR_TYPE>[] = [
  { value: ANY_ACTOR_TYPE, label: "Any" },
  ...ACTIVITY_ACTOR_TYPES.map((type) => ({ value: type, label: ACTOR_TYPE_LABELS[type] })),
]

type Props = {
  /** The filters in force (from the page URL); the form starts from them. */
  values: ActivityFilterValues
  onApply: (values: ActivityFilterValues) => void
}

const Field = ({ id, label, children }: { id: string; label: string; children: ReactNode }) => (
  <div className="flex flex-col gap-y-1">
    <Label size="xsmall" weight="plus" htmlFor={id}>
      {label}
    </Label>
    {children}
  </div>
)

/** Actor, resource, action and day-range filters, applied together on submit. */
export const ActivityFiltersForm = ({ values, onApply }: Props) => {
  const [draft, setDraft] = useState(values)
  const [problems, setProblems] = useState<string[]>([])
  const set = (patch: Partial<ActivityFilterValues>) => setDraft((current) => ({ ...current, ...patch }))
  const active = countActivityFilters(values)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found = activityFilterProblems(draft)
    setProblems(found)
    if (!found.length) {
      onApply(draft)
    }
  }

  const clear = () => {
    setDraft(EMPTY_ACTIVITY_FILTERS)
    setProblems([])
    onApply(EMPTY_ACTIVITY_FILTERS)
  }

  const dayValue = (day: string) => (day ? startOfLocalDay(day) : null)

  return (
    <form onSubmit={submit} className="flex flex-col gap-y-3 px-6 py-4">
      <div className="grid grid-cols-1 gap-3 md:grid-cols-2 xl:grid-cols-4">
        <Field id="activity-actor-type" label="Actor type">
          <OptionSelect
            id="activity-actor-type"
            size="small"
            value={draft.actor_type || ANY_ACTOR_TYPE}
            options={ACTOR_TYPE_OPTIONS}
            onChange={(value) => set({ actor_type: value === ANY_ACTOR_TYPE ? "" : value })}
          />
        </Field>
        <Field id="activity-actor-id" label="Actor ID">
          <Input
            id="activity-actor-id"
            size="small"
            placeholder="user_01…"
            value={draft.actor_id}
            onChange={(event) => set({ actor_id: event.target.value })}
          />
        </Field>
        <Field id="activity-action" label="Action">
          <Input
            id="activity-action"
            size="small"
            placeholder="product.updated"
            value={draft.action}
            onChange={(event) => set({ action: event.target.value })}
          />
        </Field>
        <Field id="activity-resource-type" label="Resource type">
          <Input
            id="activity-resource-type"
            size="small"
            placeholder="product"
            list="activity-resource-types"
            value={draft.resource_type}
            onChange={(event) => set({ resource_type: event.target.value })}
          />
          <datalist id="activity-resource-types">
            {RESOURCE_TYPE_SUGGESTIONS.map((type) => (
              <option key={type} value={type} />
            ))}
          </datalist>
        </Field>
        <Field id="activity-resource-id" label="Resource ID">
          <Input
            id="activity-resource-id"
            size="small"
            placeholder="prod_01…"
            value={draft.resource_id}
            onChange={(event) => set({ resource_id: event.target.value })}
          />
        </Field>
        <Field id="activity-from" label="From (day)">
          <DatePicker
            id="activity-from"
            size="small"
            aria-label="From day"
            value={dayValue(draft.from)}
            onChange={(date) => set({ from: date ? toLocalDay(date) : "" })}
          />
        </Field>
        <Field id="activity-to" label="To (day, included)">
          <DatePicker
            id="activity-to"
            size="small"
            aria-label="To day"
            value={dayValue(draft.to)}
            onChange={(date) => set({ to: date ? toLocalDay(date) : "" })}
          />
        </Field>
        <div className="flex items-end gap-x-2">
          <Button size="small" type="submit">
            Apply
          </Button>
          <Button size="small" variant="secondary" type="button" onClick={clear} disabled={!active}>
            Clear{active ? ` (${active})` : ""}
          </Button>
        </div>
      </div>
      {problems.map((problem) => (
        <Text key={problem} size="small" className="text-ui-fg-error">
          {problem}
        </Text>
      ))}
    </form>
  )
}
