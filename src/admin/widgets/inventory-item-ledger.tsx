import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { Adjustments } from "@medusajs/icons"
import { AdminInventoryItem, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { AdjustStockDrawer } from "../components/inventory/adjust-stock-drawer"
import { InventoryLedgerTable } from "../components/inventory/inventory-ledger-table"
import { useInventoryLevels } from "../hooks/inventory"

/** "Adjust stock" with a reason, and the item's stock ledger. */
const InventoryItemLedgerWidget = ({ data: item }: DetailWidgetProps<AdminInventoryItem>) => {
  const [open, setOpen] = useState(false)
  const { data: levels = [], isLoading } = useInventoryLevels(item.id)

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between gap-x-3 px-6 py-4">
        <div>
          <Heading level="h2">Stock ledger</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Every change to this item&apos;s stock, with who made it and why.
          </Text>
        </div>
        <Button size="small" variant="secondary" onClick={() => setOpen(true)} disabled={isLoading}>
          <Adjustments />
          Adjust stock
        </Button>
      </div>
      <InventoryLedgerTable inventoryItemId={item.id} levels={levels} />
      <AdjustStockDrawer inventoryItemId={item.id} levels={levels} open={open} onOpenChange={setOpen} />
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "inventory_item.details.after",
})

export default InventoryItemLedgerWidget
