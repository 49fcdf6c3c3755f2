import { Badge, Container, Heading, Text } from "@medusajs/ui"
import { ReactNode, useState } from "react"
import { Link } from "react-router-dom"
import type { ConversationContext, ConversationDetail, OrderSummary } from "../../../hooks/concierge"
import { formatDateTime, formatMoney } from "../../../lib/format"

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="grid grid-cols-[120px_1fr] items-start gap-x-3">
    <Text size="small" className="text-ui-fg-subtle">
      {label}
    </Text>
    <div className="txt-compact-small min-w-0 break-words">{children}</div>
  </div>
)

const linkClass = "text-ui-fg-interactive hover:text-ui-fg-interactive-hover txt-compact-small-plus"

const OrderLine = ({ order }: { order: OrderSummary }) => (
  <div className="flex items-center justify-between gap-x-3">
    <div className="flex min-w-0 flex-col">
      <Link to={`/orders/${order.id}`} className={linkClass}>
        Order #{order.display_id}
      </Link>
      <Text size="xsmall" className="text-ui-fg-subtle">
        {formatDateTime(order.created_at)}
      </Text>
    </div>
    <div className="flex shrink-0 flex-col items-end">
      <Text size="small">{formatMoney(order.total, order.currency_code)}</Text>
      <Badge size="2xsmall">{order.status}</Badge>
    </div>
  </div>
)

const CustomerSection = ({
  conversation,
  customer,
}: {
  conversation: ConversationDetail
  customer: ConversationContext["customer"]
}) => (
  <Container className="flex flex-col gap-y-3 px-6 py-4">
    <div className="flex items-center justify-between">
      <Heading level="h2">Customer</Heading>
      {customer && (
        <Link to={`/customers/${customer.id}`} className={linkClass}>
          Open customer
        </Link>
      )}
    </div>
    {customer ? (
      <>
        <Row label="Name">{[customer.first_name, customer.last_name].filter(Boolean).join(" ") || "-"}</Row>
        <Row label="Email">{customer.email}</Row>
        <Row label="Phone on file">{customer.phone || "-"}</Row>
        <Row label="Account">{customer.has_account ? `Since ${formatDateTime(customer.created_at)}` : "Guest"}</Row>
      </>
    ) : (
      <Text size="small" className="text-ui-fg-subtle">
        Not linked to a customer record: they wrote as a guest or from a number no account uses.
      </Text>
    )}
    <Row label={conversation.whatsapp_id ? "WhatsApp" : "Phone given"}>
      <span className="font-mono">{conversation.customer_phone}</span>
      {conversation.profile_name && <span className="text-ui-fg-subtle"> · {conversation.profile_name}</span>}
    </Row>
  </Container>
)

/** Product images can be gone or offline: fall back to a plain tile rather than a broken image. */
const Thumbnail = ({ src }: { src: string | null }) => {
  const [broken, setBroken] = useState(false)
  return src && !broken ? (
    <img src={src} alt="" className="h-10 w-10 shrink-0 rounded-md object-cover" onError={() => setBroken(true)} />
  ) : (
    <div className="bg-ui-bg-component border-ui-border-base h-10 w-10 shrink-0 rounded-md border" />
  )
}

const CartSection = ({ cart }: { cart: NonNullable<ConversationContext["cart"]> }) => {
  const money = (amount: number) => formatMoney(amount, cart.currency_code)
  return (
    <Container className="flex flex-col gap-y-3 px-6 py-4">
      <div className="flex items-center justify-between">
        <Heading level="h2">Cart</Heading>
        <Badge size="2xsmall" color={cart.completed_at ? "green" : "orange"}>
          {cart.completed_at ? `Checked out ${formatDateTime(cart.completed_at)}` : "Not checked out"}
        </Badge>
      </div>
      {cart.items.length === 0 ? (
        <Text size="small" className="text-ui-fg-subtle">
          The cart is empty.
        </Text>
      ) : (
        <ul className="flex flex-col gap-y-2">
          {cart.items.map((item) => (
            <li key={item.id} className="flex items-center gap-x-3">
              <Thumbnail src={item.thumbnail} />
              <div className="flex min-w-0 flex-1 flex-col">
                <Text size="small" weight="plus" className="truncate">
                  {item.product_title || item.title}
                </Text>
                <Text size="xsmall" className="text-ui-fg-subtle truncate">
                  {[item.variant_title, item.variant_sku].filter(Boolean).join(" · ") || "-"}
                </Text>
              </div>
              <div className="flex shrink-0 flex-col items-end">
                <Text size="small">{money(item.total)}</Text>
                <Text size="xsmall" className="text-ui-fg-subtle">
                  {item.quantity} × {money(item.unit_price)}
                </Text>
              </div>
            </li>
          ))}
        </ul>
      )}
      <div className="border-ui-border-base flex flex-col gap-y-1 border-t pt-3">
        <Row label="Subtotal">{money(cart.subtotal)}</Row>
        <Row label="Shipping">{money(cart.shipping_total)}</Row>
        <Row label="Tax">{money(cart.tax_total)}</Row>
        {cart.discount_total > 0 && <Row label="Discount">-{money(cart.discount_total)}</Row>}
        <Row label="Total">
          <span className="txt-compact-small-plus">{money(cart.total)}</span>
        </Row>
      </div>
      {cart.email && (
        <Text size="xsmall" className="text-ui-fg-subtle">
          Cart email: {cart.email}
        </Text>
      )}
    </Container>
  )
}

const OrdersSection = ({ order, recent }: { order: OrderSummary | null; recent: OrderSummary[] }) => {
  const others = recent.filter((candidate) => candidate.id !== order?.id)
  return (
    <Container className="flex flex-col gap-y-3 px-6 py-4">
      <Heading level="h2">Orders</Heading>
      {order ? (
        <div className="flex flex-col gap-y-1">
          <Text size="xsmall" className="text-ui-fg-subtle uppercase">
            Asked about
          </Text>
          <OrderLine order={order} />
        </div>
      ) : (
        <Text size="small" className="text-ui-fg-subtle">
          Not about a particular order.
        </Text>
      )}
      {others.length > 0 && (
        <div className="flex flex-col gap-y-2">
          <Text size="xsmall" className="text-ui-fg-subtle uppercase">
            Recent orders
          </Text>
          {others.map((recentOrder) => (
            <OrderLine key={recentOrder.id} order={recentOrder} />
          ))}
        </div>
      )}
    </Container>
  )
}

/** What staff need to help: who the customer is, their cart, and their orders. */
export const ContextPanel = ({
  conversation,
  context,
}: {
  conversation: ConversationDetail
  context: ConversationContext
}) => (
  <>
    <CustomerSection conversation={conversation} customer={context.customer} />
    {context.cart && <CartSection cart={context.cart} />}
    <OrdersSection order={context.order} recent={context.recent_orders} />
  </>
)
