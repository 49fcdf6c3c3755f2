import { Alert, Button, Drawer, Input, Text, Textarea, toast } from "@medusajs/ui"
import { FormEvent, useState } from "react"
import { InventoryLevel, useCreateInventoryAdjustment } from "../../hooks/inventory"
import { formatQuantity, formatSigned } from "../../lib/format"
import {
  ADJUSTMENT_REASONS,
  AdjustStockForm,
  checkAdjustStock,
  emptyAdjustStockForm,
  previewAdjustment,
  REASON_LABELS,
} from "../../lib/inventory-adjustment"
import { FormField } from "../form-field"
import { OptionSelect } from "../option-select"

type Props = {
  inventoryItemId: string
  /** The item's stock levels; the form adjusts one of them. */
  levels: InventoryLevel[]
  open: boolean
  onOpenChange: (open: boolean) => void
}

export const locationName = (level: InventoryLevel): string => level.stock_locations?.[0]?.name ?? level.location_id

const REASON_OPTIONS = ADJUSTMENT_REASONS.map((reason) => ({ value: reason, label: REASON_LABELS[reason] }))

/**
 * Adds or removes units at one location with a reason. The server checks the
 * level under a lock; its refusal (e.g. stock below 0) is shown in the drawer.
 */
export const AdjustStockDrawer = ({ inventoryItemId, levels, open, onOpenChange }: Props) => {
  const create = useCreateInventoryAdjustment()
  const [form, setForm] = useState<AdjustStockForm>(emptyAdjustStockForm)
  const [problems, setProblems] = useState<string[]>([])
  const set = (patch: Partial<AdjustStockForm>) => {
    setForm((current) => ({ ...current, ...patch }))
    create.reset()
  }
  const locationId = form.locationId || (levels.length === 1 ? levels[0].location_id : "")
  const level = levels.find((candidate) => candidate.location_id === locationId)
  const preview = previewAdjustment(level, form)

  const changeOpen = (next: boolean) => {
    if (next) {
      setForm(emptyAdjustStockForm)
      setProblems([])
      create.reset()
    }
    onOpenChange(next)
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const { input, problems: found } = checkAdjustStock({ ...form, locationId }, inventoryItemId)
    setProblems(found)
    if (!input) {
      return
    }
    create.mutate(input, {
      onSuccess: ({ inventory_adjustment: adjustment, low_stock }) => {
        toast.success(
          `Stock at ${level ? locationName(level) : "the location"} is now ${formatQuantity(adjustment.after)} (${formatSigned(adjustment.delta)})`
        )
        if (low_stock.outcome === "alerted" || low_stock.outcome === "low") {
          toast.warning(
            `Low stock: ${formatQuantity(low_stock.available)} available, threshold ${formatQuantity(low_stock.threshold)}`
          )
        }
        onOpenChange(false)
      },
    })
  }

  return (
    <Drawer open={open} onOpenChange={changeOpen}>
      <Drawer.Content>
        <form onSubmit={submit} className="flex h-full flex-col overflow-hidden">
          <Drawer.Header>
            <Drawer.Title>Adjust stock</Drawer.Title>
            <Drawer.Description className="txt-small text-ui-fg-subtle">
              Every adjustment is kept in the item&apos;s ledger with its reason.
            </Drawer.Description>
          </Drawer.Header>
          <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
            {!levels.length ? (
              <Text size="small" className="text-ui-fg-subtle">
                This item is not stocked at any location yet. Add a location to it first.
              </Text>
            ) : (
              <>
                <FormField id="adjust-location" label="Location">
                  <OptionSelect
                    id="adjust-location"
                    placeholder="Choose a location"
                    value={locationId}
                    options={levels.map((candidate) => ({
                      value: candidate.location_id,
                      label: `${locationName(candidate)} · ${formatQuantity(candidate.stocked_quantity)} in stock`,
                    }))}
                    onChange={(value) => set({ locationId: value })}
                  />
                </FormField>
                <FormField
                  id="adjust-delta"
                  label="Change in units"
                  hint={
                    preview ? (
                      <Text
                        size="small"
                        className={preview.warning ? "text-ui-fg-error" : "text-ui-fg-subtle"}
                        data-testid="adjust-preview"
                      >
                        In stock: {formatQuantity(preview.before)} → {formatQuantity(preview.after)}
                        {level?.reserved_quantity ? ` (${formatQuantity(level.reserved_quantity)} reserved)` : ""}
                        {preview.warning ? `. ${preview.warning}` : ""}
                      </Text>
                    ) : (
                      "Positive adds units, negative removes them: 5 or -3."
                    )
                  }
                >
                  <Input
                    id="adjust-delta"
                    inputMode="numeric"
                    placeholder="e.g. 5 or -3"
                    value={form.delta}
                    onChange={(event) => set({ delta: event.target.value })}
                  />
                </FormField>
                <FormField id="adjust-reason" label="Reason">
                  <OptionSelect
                    id="adjust-reason"
                    placeholder="Choose a reason"
                    value={form.reason}
                    options={REASON_OPTIONS}
                    onChange={(reason) => set({ reason })}
                  />
                </FormField>
                <FormField id="adjust-note" label="Note (optional)">
                  <Textarea
                    id="adjust-note"
                    rows={3}
                    placeholder="Supplier delivery #1042, damaged in transit…"
                    value={form.note}
                    onChange={(event) => set({ note: event.target.value })}
                  />
                </FormField>
              </>
            )}
            {problems.map((problem) => (
              <Text key={problem} size="small" className="text-ui-fg-error">
                {problem}
              </Text>
            ))}
            {create.isError && (
              <Alert variant="error">
                <Text size="small" weight="plus">
                  Not adjusted
                </Text>
                <Text size="small">{create.error.message}</Text>
              </Alert>
            )}
          </Drawer.Body>
          <Drawer.Footer>
            <Drawer.Close asChild>
              <Button size="small" variant="secondary" type="button">
                Cancel
              </Button>
            </Drawer.Close>
            <Button size="small" type="submit" isLoading={create.isPending} disabled={!levels.length}>
              Save adjustment
            </Button>
          </Drawer.Footer>
        </form>
      </Drawer.Content>
    </Drawer>
  )
}
