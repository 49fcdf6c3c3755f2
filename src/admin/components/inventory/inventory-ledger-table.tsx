import { Badge, Table, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { useUserNames } from "../../hooks/activity"
import { InventoryLevel, useInventoryAdjustments } from "../../hooks/inventory"
import { formatDate, formatQuantity, formatSigned, formatTime } from "../../lib/format"
import { ledgerEntryLabel } from "../../lib/inventory-adjustment"
import { QueryState, SectionText } from "../query-state"
import { TablePagination, useKeepPageInRange, usePagination } from "../table-pagination"
import { locationName } from "./adjust-stock-drawer"

const PAGE_SIZE = 10

type Props = {
  inventoryItemId: string
  /** For location names; an unknown location shows its id. */
  levels: InventoryLevel[]
}

/**
 * The item's ledger, newest first: staff adjustments with their reason and the
 * movements orders made (reservations, fulfilments, returns), each with the
 * stocked (and, when it moved, reserved) quantity before → after.
 */
export const InventoryLedgerTable = ({ inventoryItemId, levels }: Props) => {
  const pagination = usePagination(PAGE_SIZE)
  const ledger = useInventoryAdjustments(inventoryItemId, pagination.query)
  const { data, isPlaceholderData } = ledger
  const adjustments = data?.inventory_adjustments ?? []
  const count = data?.count ?? 0
  const { data: names = {} } = useUserNames(adjustments.map((adjustment) => adjustment.actor_id))
  const locations = Object.fromEntries(levels.map((level) => [level.location_id, locationName(level)]))

  useKeepPageInRange(pagination, count, !!data)

  return (
    <QueryState query={ledger} isEmpty={!count} empty={<SectionText>No adjustments recorded yet.</SectionText>}>
      <div>
        <div className={`overflow-x-auto ${isPlaceholderData ? "opacity-60" : ""}`}>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Time</Table.HeaderCell>
                <Table.HeaderCell>Location</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Change</Table.HeaderCell>
                <Table.HeaderCell className="whitespace-nowrap">In stock</Table.HeaderCell>
                <Table.HeaderCell>Reason</Table.HeaderCell>
                <Table.HeaderCell>By</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {adjustments.map((adjustment) => {
                const actor = adjustment.actor_id
                  ? names[adjustment.actor_id] ?? adjustment.actor_id
                  : adjustment.actor_type === "system"
                    ? "System"
                    : adjustment.actor_type
                const reservedDelta = adjustment.reserved_delta ?? 0
                return (
                  <Table.Row key={adjustment.id}>
                    <Table.Cell className="whitespace-nowrap">
                      <div className="flex flex-col">
                        <span>{formatDate(adjustment.created_at)}</span>
                        <Text size="xsmall" className="text-ui-fg-subtle">
                          {formatTime(adjustment.created_at)}
                        </Text>
                      </div>
                    </Table.Cell>
                    <Table.Cell className="max-w-[140px] truncate" title={locations[adjustment.location_id]}>
                      {locations[adjustment.location_id] ?? adjustment.location_id}
                    </Table.Cell>
                    <Table.Cell className="whitespace-nowrap text-right">
                      <div className="flex flex-col items-end">
                        {(adjustment.delta !== 0 || !reservedDelta) && (
                          <span
                            className={`font-medium ${adjustment.delta < 0 ? "text-ui-fg-error" : adjustment.delta > 0 ? "text-ui-tag-green-text" : "text-ui-fg-subtle"}`}
                          >
                            {formatSigned(adjustment.delta)}
                          </span>
                        )}
                        {reservedDelta !== 0 && (
                          <Text size="xsmall" className="text-ui-fg-subtle">
                            {formatSigned(reservedDelta)} reserved
                          </Text>
                        )}
                      </div>
                    </Table.Cell>
                    <Table.Cell className="whitespace-nowrap">
                      <div className="flex flex-col">
                        <span>
                          <span className="text-ui-fg-subtle">{formatQuantity(adjustment.before)}</span> →{" "}
                          {formatQuantity(adjustment.after)}
                        </span>
                        {reservedDelta !== 0 && (
                          <Text size="xsmall" className="text-ui-fg-subtle">
                            reserved {formatQuantity(adjustment.reserved_before)} → {formatQuantity(adjustment.reserved_after)}
                          </Text>
                        )}
                      </div>
                    </Table.Cell>
                    <Table.Cell className="max-w-[220px]">
                      <div className="flex flex-col items-start gap-y-0.5">
                        <Badge size="2xsmall" color={adjustment.reason ? "grey" : "blue"} className="whitespace-nowrap">
                          {ledgerEntryLabel(adjustment)}
                        </Badge>
                        {adjustment.order_id && (
                          <Link
                            to={`/orders/${adjustment.order_id}`}
                            className="txt-compact-xsmall text-ui-fg-interactive hover:text-ui-fg-interactive-hover"
                          >
                            View order
                          </Link>
                        )}
                        {adjustment.note && (
                          <Text size="xsmall" className="text-ui-fg-subtle w-full truncate" title={adjustment.note}>
                            {adjustment.note}
                          </Text>
                        )}
                      </div>
                    </Table.Cell>
                    <Table.Cell className="max-w-[140px] truncate" title={actor}>
                      {actor}
                    </Table.Cell>
                  </Table.Row>
                )
              })}
            </Table.Body>
          </Table>
        </div>
        <TablePagination count={count} pagination={pagination} />
      </div>
    </QueryState>
  )
}
