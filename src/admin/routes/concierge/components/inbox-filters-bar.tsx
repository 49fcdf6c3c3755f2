import { Checkbox, Input, Label, Tabs } from "@medusajs/ui"
import { useEffect, useRef, useState } from "react"
import { OptionSelect } from "../../../components/option-select"
import { useDebouncedValue } from "../../../hooks/use-debounced-value"
import {
  ASSIGNEE_FILTERS,
  InboxFilters,
  SEARCH_MAX_LENGTH,
  STATUS_FILTERS,
  StatusFilter,
  withFilter,
} from "./inbox-filters"

type Props = { filters: InboxFilters; onChange: (filters: InboxFilters) => void }

/** Status tabs, whose conversations, unread/overdue only, and a search on reference, phone or name. */
export const InboxFiltersBar = ({ filters, onChange }: Props) => {
  const [search, setSearch] = useState(filters.q)
  const debounced = useDebouncedValue(search, 300)

  // Only the typed text triggers a search; the other controls apply at once through `onChange`.
  const latest = useRef({ filters, onChange })
  latest.current = { filters, onChange }
  useEffect(() => {
    const { filters: current, onChange: apply } = latest.current
    if (debounced.trim() !== current.q.trim()) {
      apply(withFilter(current, { q: debounced }))
    }
  }, [debounced])

  // The URL can change under the box (back button, a link): follow it.
  useEffect(() => {
    setSearch((current) => (current.trim() === filters.q.trim() ? current : filters.q))
  }, [filters.q])

  return (
    <div className="flex flex-col gap-y-3 px-6 py-4">
      <Tabs
        value={filters.status}
        onValueChange={(value) => onChange(withFilter(filters, { status: value as StatusFilter }))}
      >
        <Tabs.List>
          {STATUS_FILTERS.map((option) => (
            <Tabs.Trigger key={option.value} value={option.value}>
              {option.label}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
      </Tabs>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <div className="w-full max-w-[280px]">
          <Input
            type="search"
            size="small"
            placeholder="Reference, phone or name"
            aria-label="Search conversations"
            value={search}
            maxLength={SEARCH_MAX_LENGTH}
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
        <div className="w-[160px]">
          <OptionSelect
            size="small"
            aria-label="Assigned to"
            value={filters.assignee}
            options={ASSIGNEE_FILTERS}
            onChange={(assignee) => onChange(withFilter(filters, { assignee }))}
          />
        </div>
        <div className="flex items-center gap-x-2">
          <Checkbox
            id="concierge-unread"
            checked={filters.unread}
            onCheckedChange={(checked) => onChange(withFilter(filters, { unread: checked === true }))}
          />
          <Label htmlFor="concierge-unread" size="small">
            Unread only
          </Label>
        </div>
        <div className="flex items-center gap-x-2">
          <Checkbox
            id="concierge-overdue"
            checked={filters.overdue}
            onCheckedChange={(checked) => onChange(withFilter(filters, { overdue: checked === true }))}
          />
          <Label htmlFor="concierge-overdue" size="small">
            Overdue only
          </Label>
        </div>
      </div>
    </div>
  )
}
