import { CheckMini, ClockSolidMini, ExclamationCircleSolid } from "@medusajs/icons"
import { Tooltip } from "@medusajs/ui"
import type { ConversationMessage } from "../../../hooks/concierge"
import { deliveryOf } from "./message-status"

/** WhatsApp-style ticks: clock (queued), one (sent), two grey (delivered), two blue (read), red mark (failed). */
export const DeliveryTicks = ({ message }: { message: ConversationMessage }) => {
  const delivery = deliveryOf(message)
  if (delivery.kind === "none") {
    return null
  }
  const icon =
    delivery.kind === "queued" ? (
      <ClockSolidMini className="text-ui-fg-muted" />
    ) : delivery.kind === "failed" ? (
      <span className="text-ui-fg-error flex items-center gap-x-0.5">
        <ExclamationCircleSolid />
        <span className="txt-compact-xsmall-plus">Failed</span>
      </span>
    ) : (
      <span
        className={`flex items-center ${delivery.kind === "read" ? "text-ui-fg-interactive" : "text-ui-fg-muted"}`}
      >
        <CheckMini />
        {delivery.kind !== "sent" && <CheckMini className="-ml-2.5" />}
      </span>
    )
  return (
    <Tooltip content={delivery.label} maxWidth={320}>
      <span aria-label={delivery.label} className="inline-flex cursor-default items-center">
        {icon}
      </span>
    </Tooltip>
  )
}
